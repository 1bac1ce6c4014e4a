/**
 * Two models side by side: the paired statistics over seeds, the verdict in words, the comparison's report, table and
 * charts, and the fidelity report (this project's curves against PyTorch's).
 */
package cnnvsmlp.report.compare;
