package dev.cognitoconsole.banner;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.Scheduler;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The banner's state: the notice shown, if any. */
public final class BannerViewModel implements Notifier {

    // Properties
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    /** How long a notice of success stays: long enough to read, short enough not to linger over the table. */
    static final Duration SUCCESS_SHOWN_FOR = Duration.ofSeconds(8);

    private final Scheduler time;
    private Runnable cancelLeaving = () -> { };

    /** A banner whose notices all stay until dismissed or replaced. */
    public BannerViewModel() {
        this(Scheduler.NEVER);
    }

    /** A banner whose notices of success (information offering no action) leave by themselves, timed by {@code time}. */
    public BannerViewModel(Scheduler time) {
        this.time = time;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public Notice getNotice() {
        return notice.get();
    }

    private Consumer<Notice.SignInRequest> signIn;

    /** Who makes the sign-ins notices ask for; until one is set, notices show no sign-in button. */
    public void setSignIn(Consumer<Notice.SignInRequest> handler) {
        signIn = handler;
    }

    // Commands
    @Override
    public void show(Notice next) {
        Notice.SignInRequest request = next == null ? null : next.signIn();
        if (request != null && signIn != null) {
            Consumer<Notice.SignInRequest> handler = signIn;
            next = next.withFirstAction(new Notice.Action(request.label(), () -> handler.accept(request)));
        }
        cancelLeaving.run();
        notice.set(next);
        if (next != null && next.severity() == Notice.Severity.INFO && next.actions().isEmpty()) {
            Notice shown = next;
            cancelLeaving = time.after(SUCCESS_SHOWN_FOR, () -> {
                if (notice.get() == shown) {
                    notice.set(null);
                }
            });
        }
    }

    @Override
    public void dismiss() {
        cancelLeaving.run();
        notice.set(null);
    }

    @Override
    public void dismiss(String code) {
        if (notice.get() != null && notice.get().code().equals(code)) {
            dismiss();
        }
    }

    /** Runs a banner button's action; the banner closes first so a failed retry can show anew. */
    public void perform(Notice.Action action) {
        dismiss();
        action.run().run();
    }
}
