using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>One sample Lake query. In <see cref="Sql"/>, <c>$EDS_ID</c> stands for an event data store's id.</summary>
internal sealed record SampleQuery(string Name, string Description, string Sql);

/// <summary>
/// The fake's catalogue of sample CloudTrail Lake queries, written for this project (not AWS's own list). Every one
/// runs on the fake's Lake engine once <c>$EDS_ID</c> is replaced by a store id; a test holds them to that.
/// </summary>
internal static class SampleQueryCatalog
{
    public const string StorePlaceholder = "$EDS_ID";

    public static IReadOnlyList<SampleQuery> All { get; } = new SampleQuery[]
    {
        new("Most frequent API calls",
            "Counts calls per event source and event name and lists the busiest first.",
            "SELECT eventSource, eventName, COUNT(*) AS calls FROM $EDS_ID GROUP BY eventSource, eventName ORDER BY calls DESC LIMIT 20"),
        new("Failed calls by error code",
            "Groups calls that ended in an error by their error code, to spot access denied or throttling errors.",
            "SELECT errorCode, COUNT(*) AS failures FROM $EDS_ID WHERE errorCode IS NOT NULL GROUP BY errorCode ORDER BY failures DESC"),
        new("Access denied calls by user",
            "Lists the identities whose calls were refused with AccessDenied, with how many times each.",
            "SELECT userIdentity.arn AS principal, COUNT(*) AS denied FROM $EDS_ID WHERE errorCode = 'AccessDenied' OR errorCode LIKE '%UnauthorizedOperation' GROUP BY userIdentity.arn ORDER BY denied DESC"),
        new("Console sign-in events",
            "Shows console sign-in attempts with the source IP address and whether they succeeded.",
            "SELECT eventTime, userIdentity.arn AS principal, sourceIPAddress, responseElements['ConsoleLogin'] AS outcome FROM $EDS_ID WHERE eventName = 'ConsoleLogin' ORDER BY eventTime DESC"),
        new("Calls from one IP address",
            "Finds every call made from a given source IP address; replace the address in the WHERE clause.",
            "SELECT eventTime, eventSource, eventName, userIdentity.arn AS principal FROM $EDS_ID WHERE sourceIPAddress = '192.0.2.10' ORDER BY eventTime DESC"),
        new("Trail changes",
            "Lists calls that create, change, stop or delete CloudTrail trails, a sign that auditing was tampered with.",
            "SELECT eventTime, eventName, userIdentity.arn AS principal, requestParameters['name'] AS trail FROM $EDS_ID WHERE eventSource = 'cloudtrail.amazonaws.com' AND eventName IN ('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StopLogging', 'StartLogging') ORDER BY eventTime DESC"),
        new("IAM policy and user changes",
            "Shows IAM calls that attach, detach or put policies, or create and delete users and access keys.",
            "SELECT eventTime, eventName, userIdentity.arn AS principal FROM $EDS_ID WHERE eventSource = 'iam.amazonaws.com' AND (eventName LIKE '%Policy%' OR eventName IN ('CreateUser', 'DeleteUser', 'CreateAccessKey', 'DeleteAccessKey')) ORDER BY eventTime DESC"),
        new("Security group changes",
            "Lists EC2 calls that open or close security group rules.",
            "SELECT eventTime, eventName, userIdentity.arn AS principal, requestParameters['groupId'] AS securityGroup FROM $EDS_ID WHERE eventSource = 'ec2.amazonaws.com' AND eventName LIKE '%SecurityGroup%' ORDER BY eventTime DESC"),
        new("S3 bucket policy changes",
            "Finds calls that put or delete S3 bucket policies and public access settings.",
            "SELECT eventTime, eventName, userIdentity.arn AS principal, requestParameters['bucketName'] AS bucket FROM $EDS_ID WHERE eventSource = 's3.amazonaws.com' AND eventName IN ('PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketAcl', 'PutPublicAccessBlock', 'DeletePublicAccessBlock') ORDER BY eventTime DESC"),
        new("Activity of the root user",
            "Lists every call the account's root user made, which should be rare.",
            "SELECT eventTime, eventSource, eventName, sourceIPAddress FROM $EDS_ID WHERE userIdentity.type = 'Root' ORDER BY eventTime DESC"),
        new("Calls per hour",
            "Counts calls in each hour, to see when an account is busiest or spot a sudden burst of activity.",
            "SELECT date_trunc('hour', eventTime) AS hour, COUNT(*) AS calls FROM $EDS_ID GROUP BY date_trunc('hour', eventTime) ORDER BY hour"),
        new("Most active users",
            "Ranks the identities that made the most calls, with how many distinct APIs each used.",
            "SELECT userIdentity.arn AS principal, COUNT(*) AS calls, COUNT(DISTINCT eventName) AS distinctApis FROM $EDS_ID GROUP BY userIdentity.arn ORDER BY calls DESC LIMIT 20"),
        new("Read-only versus write calls",
            "Splits calls into read-only and write (mutating) calls per event source.",
            "SELECT eventSource, readOnly, COUNT(*) AS calls FROM $EDS_ID GROUP BY eventSource, readOnly ORDER BY eventSource, readOnly"),
        new("KMS key deletion scheduled",
            "Finds calls that schedule a KMS key for deletion or disable a key.",
            "SELECT eventTime, eventName, userIdentity.arn AS principal, requestParameters['keyId'] AS keyId FROM $EDS_ID WHERE eventSource = 'kms.amazonaws.com' AND eventName IN ('ScheduleKeyDeletion', 'DisableKey') ORDER BY eventTime DESC"),
        new("Calls by region",
            "Counts calls per AWS region, to notice activity in regions the account does not normally use.",
            "SELECT awsRegion, COUNT(*) AS calls FROM $EDS_ID GROUP BY awsRegion ORDER BY calls DESC"),
    };
}
