package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.Dataset;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.train.TrainingObserver;

/**
 * One of the post's experiments, as its few lines of Keras: a network for a seed, the data, and the pictures of
 * the trained model. {@link Run} does the rest (folder, banner, training, checkpoints, files, index).
 */
public interface Experiment {

    /** Which experiment, with the post's defaults. */
    ExperimentId id();

    /**
     * The post's network, its parameters drawn from {@code seed}, trained with {@code recipe} (the post's:
     * {@link Recipe#POST}); not yet initialised.
     */
    MultiLayerNetwork network(long seed, Recipe recipe);

    /** What the MNIST models train on (MNIST or Fashion-MNIST); null for the beans. */
    default Dataset dataset() {
        return null;
    }

    /** The training set, the set scored after every epoch, and how config.json describes them. */
    Data data();

    /**
     * What the run draws: it may follow the training (keeping what it needs in {@code folder}, so that a resumed
     * run draws the whole training), then draws the trained model into the run folder.
     */
    Pictures pictures(MultiLayerNetwork network, RunSpec spec, Path folder);

    /**
     * @param train the training set
     * @param evaluation the set scored after every epoch and at the end
     * @param description one line describing the data (a resumed run must have the same)
     * @param evaluatedOn what {@code evaluation} is, e.g. "the MNIST test set (10,000 images)"
     */
    record Data(DataSet train, DataSet evaluation, String description, String evaluatedOn) {
    }

    /** Pictures of one run. */
    interface Pictures extends TrainingObserver {

        /** Draws what only this experiment can of {@code trained} into {@code folder}. */
        void draw(MultiLayerNetwork trained, Path folder);
    }
}
