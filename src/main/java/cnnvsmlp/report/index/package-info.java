/**
 * The results folder's README.md: what the committed runs and comparisons show, in progress or finished, written once
 * per command.
 */
package cnnvsmlp.report.index;
