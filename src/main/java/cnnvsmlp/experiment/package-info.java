/**
 * The three experiments (data, model, pictures for a seed), the run life cycle around the trainer (open or resume,
 * train, finish or fail, with signals and the index), the main job and the multi-seed comparison. Imports every
 * package below it and none above: the command line ({@code cli}) and the IDE mains ({@code ide}) call it.
 */
package cnnvsmlp.experiment;
