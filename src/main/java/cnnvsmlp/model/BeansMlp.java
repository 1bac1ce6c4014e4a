package cnnvsmlp.model;

import static cnnvsmlp.model.KerasDefaults.dense;
import static cnnvsmlp.model.KerasDefaults.denseOutput;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.activations.Activation;

/**
 * The post's first model, a deep MLP for the two-spiral beans: 2-8-8-8-1, 177 parameters.
 *
 * <pre>
 * model = Sequential()
 * model.add(Dense(units=8, activation='relu', input_dim=2))
 * model.add(Dense(units=8, activation='relu'))
 * model.add(Dense(units=8, activation='relu'))
 * model.add(Dense(units=1, activation='sigmoid'))
 * model.compile(loss='mean_squared_error', optimizer=SGD(lr=0.05), metrics=['accuracy'])
 * </pre>
 */
public final class BeansMlp {

    public static final String NAME = "beans MLP 2-8-8-8-1";
    public static final long PARAMETERS = 177;

    private BeansMlp() {
    }

    public static MultiLayerConfiguration configuration(long seed) {
        return configuration(seed, Recipe.POST);
    }

    /** The same network trained with {@code recipe}'s loss and optimizer instead of the post's. */
    public static MultiLayerConfiguration configuration(long seed, Recipe recipe) {
        return KerasDefaults.sequential(seed, recipe)
                .list()
                .layer(dense(8, Activation.RELU))
                .layer(dense(8, Activation.RELU))
                .layer(dense(8, Activation.RELU))
                .layer(denseOutput(1, Activation.SIGMOID, recipe))
                .setInputType(InputType.feedForward(2)) // input_dim=2
                .build();
    }
}
