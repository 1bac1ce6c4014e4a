package cnnvsmlp;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import cnnvsmlp.dl4j.OneDnn;
import cnnvsmlp.runtime.Nd4jRuntime;

/**
 * Before any test loads ND4J: the settings the command line makes before it does (the oneDNN native variant,
 * {@link Nd4jRuntime#beforeLoad}), so the suite tests the configuration users run.
 */
public final class Nd4jTestSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        OneDnn.selectNativeVariant();
        Nd4jRuntime.beforeLoad();
    }
}
