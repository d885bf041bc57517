package dev.cognitoconsole.testing;

import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import java.util.ArrayList;
import java.util.List;

/** A real {@link BannerViewModel} that also remembers every notice shown, for "no banner at all" checks. */
public final class RecordingNotifier implements Notifier {
    private final BannerViewModel banner = new BannerViewModel();
    private final List<Notice> shown = new ArrayList<>();

    @Override
    public void show(Notice notice) {
        shown.add(notice);
        banner.show(notice);
    }

    @Override
    public void dismiss() {
        banner.dismiss();
    }

    @Override
    public void dismiss(String code) {
        banner.dismiss(code);
    }

    /** The notice on the banner now, or {@code null}. */
    public Notice current() {
        return banner.getNotice();
    }

    public List<Notice> shown() {
        return List.copyOf(shown);
    }

    /** Presses the banner button with this label, as the operator would. */
    public void press(String label) {
        Notice notice = current();
        if (notice == null) {
            throw new AssertionError("No banner is shown, so there is no " + label + " button");
        }
        Notice.Action action = notice.actions().stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("The banner has no " + label + " button: " + notice));
        banner.perform(action);
    }
}
