/**
 * What a reader sees, in three sub-packages by job, above this one: {@code index} (the results index) uses
 * {@code compare} (comparisons, their statistics and charts), which uses {@code chart} (a run's pictures). Here:
 * {@link cnnvsmlp.report.Prose}, the words of pages and notebooks, from {@code src/main/resources/prose/}.
 */
package cnnvsmlp.report;
