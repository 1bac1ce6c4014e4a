/**
 * The draw-a-digit page ({@code cnn-vs-mlp serve}): a small HTTP server (the JDK's {@code com.sun.net.httpserver})
 * that answers each drawing with both MNIST models' probabilities, on the 28 x 28 input {@code predict} would make
 * of it. Run by {@code cli}; uses {@code experiment}'s saved models and {@code data}'s digit preparation.
 */
package cnnvsmlp.serve;
