package dev.cognitoconsole.testing;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.UserPool;

/**
 * The values most tests share: the support desk's profile {@code support} in eu-west-1 (signed in with SSO, or
 * with static keys), and its two pools, {@code customers} and {@code staff}. A test whose point is another
 * profile, region or pool keeps its own.
 */
public final class Fixtures {
    public static final String REGION = "eu-west-1";

    /** {@code support}, an SSO profile. */
    public static final AwsProfile PROFILE = new AwsProfile("support", REGION, null, ProfileKind.SSO);
    public static final Connection CONNECTION = new Connection(PROFILE, REGION);

    /** {@code support}, a profile of static access keys. */
    public static final AwsProfile KEYS_PROFILE = new AwsProfile("support", REGION, null, ProfileKind.STATIC_KEYS);
    public static final Connection KEYS_CONNECTION = new Connection(KEYS_PROFILE, REGION);

    public static final UserPool CUSTOMERS = new UserPool("eu-west-1_PoolA", "customers");
    public static final UserPool STAFF = new UserPool("eu-west-1_PoolB", "staff");

    /** {@link #CUSTOMERS} through {@link #CONNECTION}. */
    public static final PoolSelection POOL_A = new PoolSelection(CONNECTION, CUSTOMERS);
    /** {@link #STAFF} through {@link #CONNECTION}. */
    public static final PoolSelection POOL_B = new PoolSelection(CONNECTION, STAFF);

    private Fixtures() {
    }
}
