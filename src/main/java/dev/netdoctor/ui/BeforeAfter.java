package dev.netdoctor.ui;

/** One line of the Verify step: the same thing before and after the fixes. */
public record BeforeAfter(String what, String before, String after, boolean better) {
}
