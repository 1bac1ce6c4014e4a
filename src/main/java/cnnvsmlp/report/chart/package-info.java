/**
 * The pictures of one run: learning curves, the beans' surface, MNIST digits and confusion, and the PNG writer every
 * picture goes through.
 */
package cnnvsmlp.report.chart;
