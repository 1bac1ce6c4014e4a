package cnnvsmlp.model;

import static cnnvsmlp.model.KerasDefaults.dense;
import static cnnvsmlp.model.KerasDefaults.denseOutput;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.activations.Activation;

/**
 * The 6-layer MLP of LeCun's MNIST table that the post cites (Ciresan, Meier, Gambardella, Schmidhuber, "Deep, big,
 * simple neural nets excel on handwritten digit recognition", Neural Computation 22(12), 2010): 784-2500-2000-1500-
 * 1000-500-10, 11,972,510 parameters, built as the post builds its MLP, only wider and deeper:
 *
 * <pre>
 * model = Sequential()
 * model.add(Dense(units=2500, activation='relu', input_dim=784))
 * model.add(Dense(units=2000, activation='relu'))
 * model.add(Dense(units=1500, activation='relu'))
 * model.add(Dense(units=1000, activation='relu'))
 * model.add(Dense(units=500, activation='relu'))
 * model.add(Dense(units=10, activation='softmax'))
 * </pre>
 *
 * The 2010 paper's hidden units are scaled hyperbolic tangents (LeCun's 1.7159 tanh(2x/3)); ReLU here keeps every
 * choice but the size the post's MLP's (activation, Keras' glorot_uniform initialisation, loss, optimizer), so that a
 * difference from the post's MLP is the size's. docs/usage.md says so beside the comparison.
 */
public final class MnistMlp6 {

    public static final String NAME = "MNIST MLP 784-2500-2000-1500-1000-500-10";
    public static final long PARAMETERS = 11_972_510;

    private MnistMlp6() {
    }

    public static MultiLayerConfiguration configuration(long seed) {
        return configuration(seed, Recipe.POST);
    }

    /** The same network trained with {@code recipe}'s loss and optimizer instead of the post's. */
    public static MultiLayerConfiguration configuration(long seed, Recipe recipe) {
        return KerasDefaults.sequential(seed, recipe)
                .list()
                .layer(dense(2500, Activation.RELU))
                .layer(dense(2000, Activation.RELU))
                .layer(dense(1500, Activation.RELU))
                .layer(dense(1000, Activation.RELU))
                .layer(dense(500, Activation.RELU))
                .layer(denseOutput(10, Activation.SOFTMAX, recipe))
                .setInputType(InputType.feedForward(784)) // the image flattened, / 255
                .build();
    }
}
