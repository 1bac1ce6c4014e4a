package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import cnnvsmlp.data.Dataset;
import cnnvsmlp.model.Recipe;

/**
 * What a run trains: the experiment, its budget, batch size and seed, and how often it checkpoints. The post's
 * unless overridden, every override named; printed before and recorded in config.json. On the CPU two runs of one
 * spec give the same history, whatever their {@link RunContext}.
 *
 * @param experiment which of the post's experiments
 * @param epochs epochs to train (the post: 5000)
 * @param budgetSource where {@code epochs} came from: {@value #POST_BUDGET}, {@value #QUICK_PRESET}, "--epochs"
 * @param batchSize the batch size (the post: 10 for the beans, 2048 for MNIST)
 * @param seed drives initialisation, shuffling and the beans' noise
 * @param checkpointEvery epochs between checkpoints (0: only at the end and when interrupted)
 * @param recipe the loss and optimizer (the post's: {@link Recipe#POST})
 * @param recipeSource where {@code recipe} came from: {@value #POST_BUDGET}, "--training modern", "--loss ..."
 * @param dataset what the MNIST models train on: MNIST (the post's) or Fashion-MNIST; MNIST for the beans
 */
public record RunSpec(ExperimentId experiment, int epochs, String budgetSource, int batchSize, long seed,
        int checkpointEvery, Recipe recipe, String recipeSource, Dataset dataset) {

    public static final String POST_BUDGET = "the post";
    public static final String QUICK_PRESET = "quick preset";

    public RunSpec {
        if (recipe == null) {
            recipe = Recipe.POST;
            recipeSource = POST_BUDGET;
        }
        if (dataset == null) {
            dataset = Dataset.MNIST;
        }
        if (epochs < 1 || batchSize < 1 || checkpointEvery < 0) {
            throw new IllegalArgumentException("epochs " + epochs + ", batch size " + batchSize + ", checkpoint every "
                    + checkpointEvery);
        }
    }

    /** The post's settings for {@code experiment}, as a builder to override them. */
    public static Builder post(ExperimentId experiment) {
        return new Builder(experiment);
    }

    public Builder toBuilder() {
        return new Builder(experiment).epochs(epochs, budgetSource).batchSize(batchSize).seed(seed)
                .checkpointEvery(checkpointEvery).recipe(recipe, recipeSource).dataset(dataset);
    }

    public RunSpec withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public boolean isPostBudget() {
        return epochs == ExperimentId.POST_EPOCHS;
    }

    /** One line saying how the budget relates to the post's, printed before every run. */
    public String budgetLine() {
        if (isPostBudget()) {
            return "budget: " + epochs + " epochs, the post's";
        }
        String relation = epochs < ExperimentId.POST_EPOCHS ? "shorter" : "longer";
        return "budget: " + epochs + " of the post's " + ExperimentId.POST_EPOCHS + " epochs (" + budgetSource
                + ") -- a " + relation + " budget than the post's, so the numbers are not the post's final ones";
    }

    /** One line saying how the network is trained, printed before every run; "not the post's" when it is not. */
    public String recipeLine() {
        return "training: " + recipe.describe() + (recipe.isPost() ? ", the post's"
                : " (" + recipeSource + ") -- not the post's training (mean_squared_error, sgd(lr=0.05))");
    }

    /** The data set as config.json records it: {@code mnist}, {@code fashion-mnist}; null for the beans. */
    public String datasetId() {
        return !experiment.usesMnist() ? null : dataset.id();
    }

    /** One line naming the data set, printed before a run on another than the post's MNIST; null otherwise. */
    public String datasetLine() {
        return !experiment.usesMnist() || dataset == Dataset.MNIST ? null : "data set: " + dataset.title()
                + " (--dataset " + dataset.id() + ") -- not the post's data (MNIST)";
    }

    /** The seed of the shuffling generator: apart from the noise generator's, which also starts from seed. */
    public long shuffleSeed() {
        return seed ^ 0x5DEECE66DL;
    }

    /** Starts from the post's settings; each setter overrides one. */
    public static final class Builder {
        private final ExperimentId experiment;
        private int epochs = ExperimentId.POST_EPOCHS;
        private String budgetSource = POST_BUDGET;
        private int batchSize;
        private long seed = ExperimentId.DEFAULT_SEED;
        private int checkpointEvery;
        private Recipe recipe = Recipe.POST;
        private String recipeSource = POST_BUDGET;
        private Dataset dataset = Dataset.MNIST;

        private Builder(ExperimentId experiment) {
            this.experiment = experiment;
            this.batchSize = experiment.postBatchSize();
            this.checkpointEvery = experiment.checkpointEvery();
        }

        /** The budget and where it came from, e.g. {@code (100, "--epochs")}. */
        public Builder epochs(int value, String source) {
            this.epochs = value;
            this.budgetSource = source;
            return this;
        }

        /** The quick preset's budget ({@link ExperimentId#quickEpochs()}), named "the post" where it is the post's. */
        public Builder quick() {
            // the beans keep the post's 5000 epochs under the preset: that is the post's budget, not an override
            return experiment.quickEpochs() == ExperimentId.POST_EPOCHS ? epochs(ExperimentId.POST_EPOCHS, POST_BUDGET)
                    : epochs(experiment.quickEpochs(), QUICK_PRESET);
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            this.checkpointEvery = value;
            return this;
        }

        /** The loss and optimizer, and where they came from, e.g. {@code (Recipe.modern(false), "--training modern")}. */
        public Builder recipe(Recipe value, String source) {
            this.recipe = value;
            this.recipeSource = source;
            return this;
        }

        /** What the MNIST models train on (the post's: MNIST). */
        public Builder dataset(Dataset value) {
            this.dataset = value;
            return this;
        }

        public RunSpec build() {
            return new RunSpec(experiment, epochs, budgetSource, batchSize, seed, checkpointEvery, recipe,
                    recipeSource, dataset);
        }
    }
}
