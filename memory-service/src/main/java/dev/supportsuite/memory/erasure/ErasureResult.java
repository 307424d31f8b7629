package dev.supportsuite.memory.erasure;

/** What an erasure removed. */
record ErasureResult(String userId, int conversationsErased, int messagesErased, int factsErased) {
}
