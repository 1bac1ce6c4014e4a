package cnnvsmlp.model;

import static cnnvsmlp.model.KerasDefaults.dense;
import static cnnvsmlp.model.KerasDefaults.denseOutput;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.activations.Activation;

/**
 * The post's MLP for MNIST: 784-256-256-256-10, 335,114 parameters.
 *
 * <pre>
 * model = Sequential()
 * model.add(Dense(units=256, activation='relu', input_dim=784))
 * model.add(Dense(units=256, activation='relu'))
 * model.add(Dense(units=256, activation='relu'))
 * model.add(Dense(units=10, activation='softmax'))
 * model.compile(loss='mean_squared_error', optimizer=SGD(lr=0.05), metrics=['accuracy'])
 * </pre>
 */
public final class MnistMlp {

    public static final String NAME = "MNIST MLP 784-256-256-256-10";
    public static final long PARAMETERS = 335_114;

    private MnistMlp() {
    }

    public static MultiLayerConfiguration configuration(long seed) {
        return configuration(seed, Recipe.POST);
    }

    /** The same network trained with {@code recipe}'s loss and optimizer instead of the post's. */
    public static MultiLayerConfiguration configuration(long seed, Recipe recipe) {
        return KerasDefaults.sequential(seed, recipe)
                .list()
                .layer(dense(256, Activation.RELU))
                .layer(dense(256, Activation.RELU))
                .layer(dense(256, Activation.RELU))
                .layer(denseOutput(10, Activation.SOFTMAX, recipe))
                .setInputType(InputType.feedForward(784)) // input_dim=784: the image flattened, / 255
                .build();
    }
}
