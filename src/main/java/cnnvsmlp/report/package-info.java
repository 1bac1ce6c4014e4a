/**
 * What a reader sees of runs: the charts and pictures (XChart, PNG), the comparison report and table, the
 * fidelity report, and the results index ({@code results/README.md}). Reads and writes run folders through
 * {@code run}.
 */
package cnnvsmlp.report;
