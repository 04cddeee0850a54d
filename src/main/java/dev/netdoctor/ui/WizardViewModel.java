package dev.netdoctor.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/**
 * The wizard's state and navigation, without any control: which step is shown, what the user
 * chose, and whether they may go on. Views bind to it; tests drive it directly.
 */
public final class WizardViewModel {
    public static final List<String> STEPS = List.of("What's wrong?", "Details", "Your system", "Running checks",
            "Diagnosis", "Fix", "Verify", "Report");

    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<Symptom> symptom = new SimpleObjectProperty<>();
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    public WizardViewModel() {
        canGoNext = Bindings.createBooleanBinding(
                () -> step.get() < STEPS.size() - 1 && (step.get() != 0 || symptom.get() != null), step, symptom);
        canGoBack = step.greaterThan(0);
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<Symptom> symptomProperty() {
        return symptom;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public void next() {
        if (canGoNext.get()) {
            step.set(step.get() + 1);
        }
    }

    public void back() {
        if (canGoBack.get()) {
            step.set(step.get() - 1);
        }
    }
}
