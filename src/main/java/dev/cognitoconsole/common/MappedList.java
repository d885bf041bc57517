package dev.cognitoconsole.common;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/**
 * A read-only view of an observable list with each element mapped as it is read: nothing is copied or kept, so a view
 * of a million rows costs no more than the rows themselves. Changes of the source are passed on as they come.
 *
 * @param <S> the source's elements
 * @param <T> what each is mapped to
 */
public final class MappedList<S, T> extends TransformationList<T, S> {
    private final Function<? super S, ? extends T> mapper;

    public MappedList(ObservableList<? extends S> source, Function<? super S, ? extends T> mapper) {
        super(source);
        this.mapper = mapper;
    }

    @Override
    public T get(int index) {
        return mapper.apply(getSource().get(index));
    }

    @Override
    public int size() {
        return getSource().size();
    }

    @Override
    public int getSourceIndex(int index) {
        return index;
    }

    @Override
    public int getViewIndex(int index) {
        return index;
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends S> change) {
        fireChange(new Mapped(change));
    }

    /** The source's change, read through the mapping. */
    private final class Mapped extends ListChangeListener.Change<T> {
        private final ListChangeListener.Change<? extends S> source;

        Mapped(ListChangeListener.Change<? extends S> source) {
            super(MappedList.this);
            this.source = source;
        }

        @Override
        public boolean next() {
            return source.next();
        }

        @Override
        public void reset() {
            source.reset();
        }

        @Override
        public int getFrom() {
            return source.getFrom();
        }

        @Override
        public int getTo() {
            return source.getTo();
        }

        @Override
        public List<T> getRemoved() {
            return source.getRemoved().stream().<T>map(mapper).toList();
        }

        @Override
        public boolean wasUpdated() {
            return source.wasUpdated();
        }

        @Override
        protected int[] getPermutation() {
            if (!source.wasPermutated()) {
                return new int[0];
            }
            int[] permutation = new int[source.getTo() - source.getFrom()];
            for (int i = 0; i < permutation.length; i++) {
                permutation[i] = source.getPermutation(source.getFrom() + i);
            }
            return permutation;
        }
    }
}
