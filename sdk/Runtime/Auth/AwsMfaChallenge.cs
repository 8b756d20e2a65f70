namespace CloudTrailSdk;

/// <summary>
/// What an MFA token-code callback is asked for: the profile whose <c>role_arn</c> is being assumed, the role, and the
/// MFA device (<c>mfa_serial</c>). The callback answers with the code the device shows now (six digits), typically by
/// prompting; it is called again at each refresh, as the AWS CLI prompts again when the role's credentials expire.
/// </summary>
/// <param name="Profile">The profile that sets <c>mfa_serial</c>.</param>
/// <param name="RoleArn">The role being assumed.</param>
/// <param name="SerialNumber">The MFA device: a virtual device's ARN or a hardware device's serial number.</param>
public sealed record AwsMfaChallenge(string Profile, string RoleArn, string SerialNumber);
