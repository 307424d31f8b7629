package dev.supportsuite.sentiment.analysis.api;

import java.util.List;

/**
 * Analyses of a batch, in the order of the request's items.
 *
 * @param results one analysis per item
 */
record BatchAnalyzeResponse(List<AnalyzeResponse> results) {
}
