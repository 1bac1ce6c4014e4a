package cnnvsmlp.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent reference for the post's three networks: Keras' layers written out in plain Java, in double
 * precision, with no ND4J or DL4J code. Forward pass, mean squared error with Keras' reduction (mean over the
 * outputs, then over the batch), backward pass, and one step of plain SGD. Tensors are flat row-major arrays;
 * convolutions and pooling hold images channels-first (n, c, h, w), and Flatten orders the features as Keras
 * (channels-last) does: row, column, channel.
 */
final class KerasReference {

    /** A flat row-major array and its shape. */
    record Tensor(int[] shape, double[] v) {
        Tensor(int... shape) {
            this(shape, new double[size(shape)]);
        }

        static int size(int[] shape) {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    enum Activation { IDENTITY, RELU, SIGMOID, SOFTMAX }

    /** A layer: forward keeps what backward needs; backward returns the gradient for its input. */
    interface Layer {
        Tensor forward(Tensor x);

        Tensor backward(Tensor gradOut);

        /** Parameters and their gradients, as {name, values} pairs: "W" then "b"; none for pooling. */
        default List<double[]> parameters() {
            return List.of();
        }

        default List<double[]> gradients() {
            return List.of();
        }
    }

    /**
     * A layer with a kernel {@code w}, a bias {@code b} and an activation: the forward pass keeps its input and
     * activation, the backward pass turns the activation's gradient into the pre-activation's and hands it to
     * {@link #linearBackward}, which fills {@code dw} and {@code db} and returns the input's gradient.
     */
    abstract static class Weighted implements Layer {
        final double[] w;
        final double[] b;
        final Activation activation;
        double[] dw;
        double[] db;
        private Tensor x;
        private Tensor a;

        Weighted(double[] w, double[] b, Activation activation) {
            this.w = w.clone();
            this.b = b.clone();
            this.activation = activation;
        }

        /** The pre-activation z of input {@code x}. */
        abstract Tensor linear(Tensor x);

        /** Fills {@code dw} and {@code db} (allocated, zero) from the pre-activation's gradient; the input's gradient. */
        abstract Tensor linearBackward(Tensor x, Tensor gz);

        @Override
        public Tensor forward(Tensor input) {
            x = input;
            a = activate(linear(input), activation);
            return a;
        }

        @Override
        public Tensor backward(Tensor gradOut) {
            dw = new double[w.length];
            db = new double[b.length];
            return linearBackward(x, activationBackward(a, gradOut, activation));
        }

        @Override
        public List<double[]> parameters() {
            return List.of(w, b);
        }

        @Override
        public List<double[]> gradients() {
            return List.of(dw, db);
        }
    }

    /** Keras Dense: z = x W + b, W of shape (in, out). */
    static final class Dense extends Weighted {
        final int in;
        final int out;

        Dense(int in, int out, double[] w, double[] b, Activation activation) {
            super(w, b, activation);
            this.in = in;
            this.out = out;
        }

        @Override
        Tensor linear(Tensor input) {
            int n = input.shape()[0];
            Tensor z = new Tensor(n, out);
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < out; o++) {
                    double sum = b[o];
                    for (int i = 0; i < in; i++) {
                        sum += input.v()[s * in + i] * w[i * out + o];
                    }
                    z.v()[s * out + o] = sum;
                }
            }
            return z;
        }

        @Override
        Tensor linearBackward(Tensor x, Tensor gz) {
            int n = x.shape()[0];
            Tensor gx = new Tensor(x.shape().clone());
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < out; o++) {
                    double g = gz.v()[s * out + o];
                    db[o] += g;
                    for (int i = 0; i < in; i++) {
                        dw[i * out + o] += x.v()[s * in + i] * g;
                        gx.v()[s * in + i] += g * w[i * out + o];
                    }
                }
            }
            return gx;
        }
    }

    /** Keras Conv2D, padding 'valid', stride 1 (a cross-correlation); kernel (filters, channels, k, k). */
    static final class Conv2D extends Weighted {
        final int filters;
        final int channels;
        final int k;

        Conv2D(int filters, int channels, int k, double[] w, double[] b, Activation activation) {
            super(w, b, activation);
            this.filters = filters;
            this.channels = channels;
            this.k = k;
        }

        private int wi(int f, int c, int p, int q) {
            return ((f * channels + c) * k + p) * k + q;
        }

        @Override
        Tensor linear(Tensor input) {
            int n = input.shape()[0];
            int h = input.shape()[2];
            int wd = input.shape()[3];
            int oh = h - k + 1;
            int ow = wd - k + 1;
            Tensor z = new Tensor(n, filters, oh, ow);
            for (int s = 0; s < n; s++) {
                for (int f = 0; f < filters; f++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double sum = b[f];
                            for (int c = 0; c < channels; c++) {
                                for (int p = 0; p < k; p++) {
                                    for (int q = 0; q < k; q++) {
                                        sum += input.v()[((s * channels + c) * h + i + p) * wd + j + q] * w[wi(f, c, p, q)];
                                    }
                                }
                            }
                            z.v()[((s * filters + f) * oh + i) * ow + j] = sum;
                        }
                    }
                }
            }
            return z;
        }

        @Override
        Tensor linearBackward(Tensor x, Tensor gz) {
            int n = x.shape()[0];
            int h = x.shape()[2];
            int wd = x.shape()[3];
            int oh = h - k + 1;
            int ow = wd - k + 1;
            Tensor gx = new Tensor(x.shape().clone());
            for (int s = 0; s < n; s++) {
                for (int f = 0; f < filters; f++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double g = gz.v()[((s * filters + f) * oh + i) * ow + j];
                            db[f] += g;
                            for (int c = 0; c < channels; c++) {
                                for (int p = 0; p < k; p++) {
                                    for (int q = 0; q < k; q++) {
                                        int xi = ((s * channels + c) * h + i + p) * wd + j + q;
                                        dw[wi(f, c, p, q)] += g * x.v()[xi];
                                        gx.v()[xi] += g * w[wi(f, c, p, q)];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return gx;
        }
    }

    /** Keras AveragePooling2D((2, 2)): stride 2, each output the mean of its 2 x 2 window. */
    static final class AveragePooling2D implements Layer {
        private int[] inShape;

        @Override
        public Tensor forward(Tensor x) {
            inShape = x.shape().clone();
            int n = inShape[0];
            int c = inShape[1];
            int h = inShape[2];
            int w = inShape[3];
            Tensor out = new Tensor(n, c, h / 2, w / 2);
            for (int s = 0; s < n * c; s++) {
                for (int i = 0; i < h / 2; i++) {
                    for (int j = 0; j < w / 2; j++) {
                        double sum = 0;
                        for (int p = 0; p < 2; p++) {
                            for (int q = 0; q < 2; q++) {
                                sum += x.v()[(s * h + 2 * i + p) * w + 2 * j + q];
                            }
                        }
                        out.v()[(s * (h / 2) + i) * (w / 2) + j] = sum / 4;
                    }
                }
            }
            return out;
        }

        @Override
        public Tensor backward(Tensor gradOut) {
            int h = inShape[2];
            int w = inShape[3];
            Tensor gx = new Tensor(inShape.clone());
            for (int s = 0; s < inShape[0] * inShape[1]; s++) {
                for (int i = 0; i < h / 2; i++) {
                    for (int j = 0; j < w / 2; j++) {
                        double g = gradOut.v()[(s * (h / 2) + i) * (w / 2) + j] / 4;
                        for (int p = 0; p < 2; p++) {
                            for (int q = 0; q < 2; q++) {
                                gx.v()[(s * h + 2 * i + p) * w + 2 * j + q] += g;
                            }
                        }
                    }
                }
            }
            return gx;
        }
    }

    /** Keras Flatten of channels-last images: (n, c, h, w) to (n, h w c), feature (i, j, c) at (i w + j) c' + c. */
    static final class Flatten implements Layer {
        private int[] inShape;

        @Override
        public Tensor forward(Tensor x) {
            inShape = x.shape().clone();
            Tensor out = new Tensor(inShape[0], Tensor.size(inShape) / inShape[0]);
            move(x.v(), out.v(), true);
            return out;
        }

        @Override
        public Tensor backward(Tensor gradOut) {
            Tensor gradIn = new Tensor(inShape.clone());
            move(gradOut.v(), gradIn.v(), false);
            return gradIn;
        }

        /** Copies channels-first values to their flattened places ({@code forward}) or back. */
        private void move(double[] from, double[] to, boolean forward) {
            int n = inShape[0];
            int c = inShape[1];
            int h = inShape[2];
            int w = inShape[3];
            for (int s = 0; s < n; s++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < w; j++) {
                            int image = ((s * c + ch) * h + i) * w + j;
                            int flat = s * c * h * w + (i * w + j) * c + ch;
                            if (forward) {
                                to[flat] = from[image];
                            } else {
                                to[image] = from[flat];
                            }
                        }
                    }
                }
            }
        }
    }

    static Tensor activate(Tensor z, Activation activation) {
        double[] a = new double[z.v().length];
        switch (activation) {
            case IDENTITY -> System.arraycopy(z.v(), 0, a, 0, a.length);
            case RELU -> {
                for (int i = 0; i < a.length; i++) {
                    a[i] = Math.max(0, z.v()[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < a.length; i++) {
                    a[i] = 1 / (1 + Math.exp(-z.v()[i]));
                }
            }
            case SOFTMAX -> {
                int n = z.shape()[0];
                int k = a.length / n;
                for (int s = 0; s < n; s++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < k; j++) {
                        max = Math.max(max, z.v()[s * k + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < k; j++) {
                        a[s * k + j] = Math.exp(z.v()[s * k + j] - max);
                        sum += a[s * k + j];
                    }
                    for (int j = 0; j < k; j++) {
                        a[s * k + j] /= sum;
                    }
                }
            }
            default -> throw new AssertionError(activation);
        }
        return new Tensor(z.shape().clone(), a);
    }

    /** The gradient for the pre-activation z from the gradient for the activation a. */
    static Tensor activationBackward(Tensor a, Tensor ga, Activation activation) {
        double[] gz = new double[a.v().length];
        switch (activation) {
            case IDENTITY -> System.arraycopy(ga.v(), 0, gz, 0, gz.length);
            case RELU -> {
                for (int i = 0; i < gz.length; i++) {
                    gz[i] = a.v()[i] > 0 ? ga.v()[i] : 0;
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < gz.length; i++) {
                    gz[i] = ga.v()[i] * a.v()[i] * (1 - a.v()[i]);
                }
            }
            case SOFTMAX -> {
                int n = a.shape()[0];
                int k = gz.length / n;
                for (int s = 0; s < n; s++) {
                    double dot = 0;
                    for (int j = 0; j < k; j++) {
                        dot += ga.v()[s * k + j] * a.v()[s * k + j];
                    }
                    for (int j = 0; j < k; j++) {
                        gz[s * k + j] = a.v()[s * k + j] * (ga.v()[s * k + j] - dot);
                    }
                }
            }
            default -> throw new AssertionError(activation);
        }
        return new Tensor(a.shape().clone(), gz);
    }

    /** A Keras Sequential model trained with mean squared error and plain SGD. */
    static final class Sequential {
        final List<Layer> layers = new ArrayList<>();
        private Tensor output;

        Sequential add(Layer layer) {
            layers.add(layer);
            return this;
        }

        Tensor predict(Tensor x) {
            Tensor t = x;
            for (Layer layer : layers) {
                t = layer.forward(t);
            }
            output = t;
            return t;
        }

        /**
         * Keras' mean_squared_error on the batch: the mean over each example's outputs of (y_pred - y)^2, then the
         * mean over the batch; the forward pass, then every layer's gradient of that loss. Returns the loss.
         */
        double lossAndGradients(Tensor x, double[] y) {
            return lossAndGradients(x, y, "mean_squared_error");
        }

        /**
         * The same for Keras' {@code loss}: mean_squared_error; categorical_crossentropy, the mean over the batch of
         * -sum y log p; binary_crossentropy, the mean over outputs and batch of -(y log p + (1 - y) log(1 - p)). The
         * gradient of the loss with respect to the output p, taken back through the output activation.
         */
        double lossAndGradients(Tensor x, double[] y, String loss) {
            Tensor predicted = predict(x);
            int n = predicted.shape()[0];
            int outputs = predicted.v().length / n;
            double sum = 0;
            double[] grad = new double[predicted.v().length];
            for (int i = 0; i < grad.length; i++) {
                double p = predicted.v()[i];
                switch (loss) {
                    case "mean_squared_error" -> {
                        sum += (p - y[i]) * (p - y[i]);
                        grad[i] = 2 * (p - y[i]) / ((double) n * outputs);
                    }
                    case "categorical_crossentropy" -> {
                        sum -= y[i] * Math.log(p);
                        grad[i] = -y[i] / (p * n);
                    }
                    case "binary_crossentropy" -> {
                        sum -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
                        grad[i] = (p - y[i]) / (p * (1 - p)) / ((double) n * outputs);
                    }
                    default -> throw new AssertionError(loss);
                }
            }
            Tensor g = new Tensor(predicted.shape().clone(), grad);
            for (int l = layers.size() - 1; l >= 0; l--) {
                g = layers.get(l).backward(g);
            }
            return loss.equals("categorical_crossentropy") ? sum / n : sum / ((double) n * outputs);
        }

        private final List<double[]> adamM = new ArrayList<>();
        private final List<double[]> adamV = new ArrayList<>();
        private int adamT;

        /**
         * Keras' Adam: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, then every parameter moves by
         * -lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + epsilon).
         */
        void adamStep(double learningRate, double beta1, double beta2, double epsilon) {
            adamT++;
            double rate = learningRate * Math.sqrt(1 - Math.pow(beta2, adamT)) / (1 - Math.pow(beta1, adamT));
            int k = 0;
            for (Layer layer : layers) {
                List<double[]> params = layer.parameters();
                List<double[]> grads = layer.gradients();
                for (int p = 0; p < params.size(); p++, k++) {
                    if (adamM.size() <= k) {
                        adamM.add(new double[params.get(p).length]);
                        adamV.add(new double[params.get(p).length]);
                    }
                    double[] m = adamM.get(k);
                    double[] v = adamV.get(k);
                    for (int i = 0; i < params.get(p).length; i++) {
                        double g = grads.get(p)[i];
                        m[i] = beta1 * m[i] + (1 - beta1) * g;
                        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                        params.get(p)[i] -= rate * m[i] / (Math.sqrt(v[i]) + epsilon);
                    }
                }
            }
        }

        /** SGD(lr): every parameter moves by -lr times its gradient (no momentum, no decay). */
        void sgdStep(double learningRate) {
            for (Layer layer : layers) {
                List<double[]> params = layer.parameters();
                List<double[]> grads = layer.gradients();
                for (int p = 0; p < params.size(); p++) {
                    for (int i = 0; i < params.get(p).length; i++) {
                        params.get(p)[i] -= learningRate * grads.get(p)[i];
                    }
                }
            }
        }

        Tensor output() {
            return output;
        }
    }
}
