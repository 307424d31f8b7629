package dev.supportsuite.agent.intent.domain;

/**
 * How the intent classifier is trained.
 *
 * @param epochs              passes over the catalog
 * @param batchSize           examples per gradient step
 * @param learningRate        Adam step size
 * @param l2                  L2 penalty on the weights
 * @param lexicalBuckets      size of the hashed word-feature space (a power of two; 0 turns lexical features
 *                            off)
 * @param lexicalWeight       weight of the lexical features next to the embedding
 * @param calibrationFraction share of each intent's examples held out to fit the softmax temperature
 * @param seed                seed for shuffling and hold-out selection, so a catalog always trains alike
 */
public record ClassifierSettings(int epochs, int batchSize, double learningRate, double l2, int lexicalBuckets,
        float lexicalWeight, double calibrationFraction, long seed) {

    /** Values measured on BANKING77 and CLINC150 development splits (see INTENTS.md). */
    public static ClassifierSettings defaults() {
        return new ClassifierSettings(10, 64, 0.003, 1e-5, 16384, 1f, 0.1, 42);
    }

    SoftmaxTrainer.Options trainerOptions() {
        return new SoftmaxTrainer.Options(epochs, batchSize, learningRate, l2, lexicalWeight, seed);
    }
}
