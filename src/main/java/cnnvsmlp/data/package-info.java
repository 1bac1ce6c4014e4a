/**
 * The data: the post's two-spiral beans and other 2-D shapes, beans CSV files, the IDX reader and MNIST (local
 * folder, cache, mirrors, checksums). Below it: {@code run} (atomic writes), {@code runtime}, {@code dl4j}.
 */
package cnnvsmlp.data;
