package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.property.ChunkLists;
import dev.odirect.conformance.property.Property;
import dev.odirect.conformance.property.PropertyPlan;
import dev.odirect.conformance.property.Sizes;
import dev.odirect.conformance.stateful.Op;
import dev.odirect.conformance.stateful.OpSequences;
import dev.odirect.conformance.suite.Profile;
import java.util.List;

/**
 * The rules that are properties, apart from the store: the generator, shrinker, coverage and tries of
 * each for a profile and the filesystem's sizes, around the check the rule gives (so that they can be
 * run without a store too).
 */
public final class RuleProperties {
    private RuleProperties() {
    }

    /** STREAM-1: streams of every chunk pattern and size class. */
    public static PropertyPlan<ChunkList> streams(Sizes sizes, Profile profile, Property.Check<ChunkList> check) {
        ChunkLists lists = new ChunkLists(sizes, profile.largeEvery());
        return new PropertyPlan<>(Property.of("STREAM-1 exact stream", lists.streams(), lists.shrinker(), check)
                .withCoverage(ChunkLists::classify, lists.streamClasses()), profile.tries());
    }

    /** PUT-1: objects of every size class. */
    public static PropertyPlan<ChunkList> objects(Sizes sizes, Profile profile, Property.Check<ChunkList> check) {
        ChunkLists lists = new ChunkLists(sizes, profile.largeEvery());
        return new PropertyPlan<>(Property.of("PUT-1 exact put", lists.objects(), lists.shrinker(), check)
                .withCoverage(ChunkLists::classify, lists.objectClasses())
                .withShow(input -> input.total() + " bytes (data seed " + input.dataSeed() + ")"), profile.tries());
    }

    /** STATE-1: operation sequences, with abort and delete where the store offers them. */
    public static PropertyPlan<List<Op>> sequences(Sizes sizes, Profile profile, boolean abort, boolean delete,
                                                   Property.Check<List<Op>> check) {
        OpSequences sequences = new OpSequences(sizes, profile.opsPerSequence(), abort, delete);
        return new PropertyPlan<>(Property.of("STATE-1 sequences agree with the model", sequences.sequences(),
                sequences.shrinker(), check).withCoverage(OpSequences::classify, sequences.classes()),
                profile.sequences());
    }
}
