package dev.cognitoconsole.find;

import dev.cognitoconsole.common.Notice;

/**
 * A place a search could not look in: a pool, a region of a profile, or a whole profile.
 *
 * @param where  the place, such as "Pool orders (eu-west-1_Ab12) · prod · eu-west-1"
 * @param reason what went wrong
 * @param fix    what to do about it
 * @param signIn the sign-in that would cure it (an expired SSO session), or {@code null}
 */
public record NotSearched(String where, String reason, String fix, Notice.SignInRequest signIn) {
}
