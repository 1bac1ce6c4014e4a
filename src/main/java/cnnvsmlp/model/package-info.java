/**
 * The post's three networks as DL4J configurations that read like its Keras ({@link cnnvsmlp.model.BeansMlp},
 * {@link cnnvsmlp.model.MnistMlp}, {@link cnnvsmlp.model.LeNet5}) and Keras' semantics stated once
 * ({@link cnnvsmlp.model.KerasDefaults}). The speed layers they use come from {@code dl4j}.
 */
package cnnvsmlp.model;
