/**
 * What works around Deeplearning4j 1.0.0-M2.1 and ND4J 1.0.0-M2.1 (the newest release, the only one these classes
 * are written and tested against): the lowest package, it depends on DL4J and ND4J alone. Each piece exists for a
 * measured reason and is checked against DL4J's own computation:
 * <ul>
 * <li>{@link cnnvsmlp.dl4j.OneDnn}: M2.1 looks for oneDNN under a class name that no longer exists, so its oneDNN
 * helpers never switch on; this finds it and selects ND4J's {@code -onednn} native build.</li>
 * <li>{@link cnnvsmlp.dl4j.OneDnnConvolutionLayer}: DL4J's convolution layer with that helper on, keeping the
 * training pre-activation and skipping the first layer's unused input gradient (tests: outputs and gradients equal
 * DL4J's own layer; LeNet-5 trains within float32 rounding of it).</li>
 * <li>{@link cnnvsmlp.dl4j.ForwardOnceDenseLayer}: DL4J's dense layer computing {@code xW + b} once per training
 * batch instead of twice, and no input gradient for the first layer (tests: training bit for bit DL4J's).</li>
 * <li>{@link cnnvsmlp.dl4j.KeptPreActivation}, {@link cnnvsmlp.dl4j.Activations}: the kept pre-activation and
 * a ReLU backward pass three times faster than libnd4j's {@code relu_bp}, value for value the same.</li>
 * <li>{@link cnnvsmlp.dl4j.LayerInstances}: DL4J's own wiring of a layer implementation, shared by the two
 * layers.</li>
 * <li>{@link cnnvsmlp.dl4j.CachingShapeInfoProvider}: ND4J's CPU shape-descriptor provider caches only one of its
 * two methods; this caches both (a third of each beans {@code fit} went there).</li>
 * <li>{@link cnnvsmlp.dl4j.FlushDenormals}: sets the optimizer state's denormal values to zero, as TensorFlow's
 * flush-to-zero does; libnd4j keeps them, and the 6-layer MLP's Adam epochs grew 3 times longer (tests: every
 * weight bit for bit the same as without the flush).</li>
 * </ul>
 * A saved {@code model.zip} names the two layer classes; {@code cnnvsmlp.run.ModelZip} reads files that name them
 * by their earlier package, {@code cnnvsmlp.model}.
 */
package cnnvsmlp.dl4j;
