package cnnvsmlp.model;

import static cnnvsmlp.model.KerasDefaults.averagePooling2d;
import static cnnvsmlp.model.KerasDefaults.conv2d;
import static cnnvsmlp.model.KerasDefaults.dense;
import static cnnvsmlp.model.KerasDefaults.denseOutput;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.activations.Activation;

/**
 * The post's LeNet-5 for MNIST, 44,426 parameters. Output shapes (Keras' channels-last notation):
 * 24x24x6, 12x12x6, 8x8x16, 4x4x16, 256, 120, 84, 10.
 *
 * <pre>
 * model = Sequential()
 * model.add(Conv2D(filters=6, kernel_size=(5,5), strides=(1,1), input_shape=(28,28,1), padding='valid', activation='relu'))
 * model.add(AveragePooling2D(pool_size=(2,2)))
 * model.add(Conv2D(filters=16, kernel_size=(5,5), strides=(1,1), padding='valid', activation='relu'))
 * model.add(AveragePooling2D(pool_size=(2,2)))   # named in the post's text, missing from its listing
 * model.add(Flatten())
 * model.add(Dense(units=120, activation='relu'))
 * model.add(Dense(units=84, activation='relu'))
 * model.add(Dense(units=10, activation='softmax'))
 * model.compile(loss='mean_squared_error', optimizer=SGD(lr=0.05), metrics=['accuracy'])
 * </pre>
 *
 * <p>Channels-last, as Keras: the input is (n, 28, 28, 1) and Flatten (added by DL4J between the last pooling
 * layer and the first dense one, from the input type) reads row, column, channel, as Keras' does. (DL4J's
 * default is channels-first; on the CPU oneDNN also runs these convolutions and poolings faster channels-last,
 * without converting layouts around each one.)
 */
public final class LeNet5 {

    public static final String NAME = "LeNet-5";
    public static final long PARAMETERS = 44_426;

    private LeNet5() {
    }

    public static MultiLayerConfiguration configuration(long seed) {
        return configuration(seed, Recipe.POST);
    }

    /** The same network trained with {@code recipe}'s loss and optimizer instead of the post's. */
    public static MultiLayerConfiguration configuration(long seed, Recipe recipe) {
        return KerasDefaults.sequential(seed, recipe)
                .list()
                .layer(conv2d(6, 5, Activation.RELU))
                .layer(averagePooling2d(2))
                .layer(conv2d(16, 5, Activation.RELU))
                .layer(averagePooling2d(2))
                .layer(dense(120, Activation.RELU)) // Flatten() happens here: DL4J inserts it from the input type
                .layer(dense(84, Activation.RELU))
                .layer(denseOutput(10, Activation.SOFTMAX, recipe))
                .setInputType(InputType.convolutional(28, 28, 1, KerasDefaults.CHANNELS_LAST)) // input_shape=(28, 28, 1)
                .build();
    }
}
