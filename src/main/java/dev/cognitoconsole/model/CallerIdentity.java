package dev.cognitoconsole.model;

/**
 * Who AWS sees behind a profile, as STS GetCallerIdentity reports it.
 *
 * @param arn     the caller's ARN, such as an assumed-role session
 * @param account the AWS account id
 */
public record CallerIdentity(String arn, String account) {
}
