package dev.cognitoconsole.banner;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The banner's state: the notice shown, if any. */
public final class BannerViewModel implements Notifier {

    // Properties
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public Notice getNotice() {
        return notice.get();
    }

    // Commands
    @Override
    public void show(Notice next) {
        notice.set(next);
    }

    @Override
    public void dismiss() {
        notice.set(null);
    }

    /** Runs a banner button's action; the banner closes first so a failed retry can show anew. */
    public void perform(Notice.Action action) {
        dismiss();
        action.run().run();
    }
}
