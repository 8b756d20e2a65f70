using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// Deterministic inputs for <see cref="SerializationBenchmarks"/>: a LookupEvents response page as AWS sends it (50
/// events, each with a full CloudTrail record of about 1.5 KB as an escaped JSON string) and a PutEventSelectors
/// request. Everything comes from one fixed seed, so every run and every machine measures the same bytes.
/// </summary>
/// <remarks>
/// The page is written with a bare <see cref="Utf8JsonWriter"/>, not with any of the serializers under test, so no
/// contender gets its own output back. Its shape follows the wire: PascalCase members, <c>EventTime</c> as epoch
/// seconds in the scientific notation AWS's Java front end emits (<c>1.718012345E9</c>), and <c>CloudTrailEvent</c>
/// escaped as AWS escapes it (<c>\"</c>, not <c>\u0022</c>).
/// </remarks>
public static class SerializationWorkload
{
    /// <summary>The seed every generated value comes from.</summary>
    public const int Seed = 20131101;

    /// <summary>Events on the LookupEvents page (the API's maximum page size).</summary>
    public const int EventsPerPage = 50;

    private const string Account = "123456789012";
    private static readonly DateTimeOffset PageStart = new(2024, 6, 10, 9, 15, 0, TimeSpan.Zero);

    private static readonly string[] Regions = { "us-east-1", "us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2" };

    private static readonly string[] UserAgents =
    {
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.167.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/ec2.describe-instances",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
        "aws-sdk-java/2.25.16 Linux/5.10.213-201.855.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.151.0",
    };

    private static readonly string[] Users = { "alice", "bob", "carol", "deploy-bot", "ci-runner", "dave" };
    private static readonly string[] Roles = { "AdministratorAccess", "ReadOnly", "DeployRole", "LambdaExecution" };

    private static readonly string[] CipherSuites =
    {
        "TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_256_GCM_SHA384",
    };

    /// <summary>Builds the LookupEvents response page as the UTF-8 bytes AWS would send.</summary>
    /// <param name="includeRecords">
    /// False leaves every <c>CloudTrailEvent</c> out (everything else identical): the page's structure without the
    /// 50 large escaped strings, to show the per-object cost that the big strings otherwise hide.
    /// </param>
    public static byte[] BuildLookupEventsPage(bool includeRecords = true)
    {
        var random = new Random(Seed);
        var buffer = new ArrayBufferWriter<byte>(128 * 1024);
        var outer = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, outer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("Events"u8);
            writer.WriteStartArray();
            for (var i = 0; i < EventsPerPage; i++)
            {
                WriteEvent(writer, random, i, includeRecords);
            }

            writer.WriteEndArray();
            writer.WriteString("NextToken"u8, RandomToken(random, 120));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A PutEventSelectors request: five basic event selectors (the API's maximum) and three advanced ones. The
    /// service rejects the two kinds together; the serializers do not care, and carrying both exercises every shape.
    /// </summary>
    public static PutEventSelectorsRequest BuildPutEventSelectorsRequest() => new()
    {
        TrailName = "arn:aws:cloudtrail:us-east-1:" + Account + ":trail/org-audit-trail",
        EventSelectors = new List<EventSelector>
        {
            new()
            {
                ReadWriteType = ReadWriteType.All,
                IncludeManagementEvents = true,
                DataResources = new List<DataResource>
                {
                    new() { Type = "AWS::S3::Object", Values = new List<string> { "arn:aws:s3:::prod-customer-uploads/", "arn:aws:s3:::prod-invoices/2024/" } },
                },
                ExcludeManagementEventSources = new List<string> { "kms.amazonaws.com", "rdsdata.amazonaws.com" },
            },
            new()
            {
                ReadWriteType = ReadWriteType.WriteOnly,
                IncludeManagementEvents = false,
                DataResources = new List<DataResource>
                {
                    new()
                    {
                        Type = "AWS::Lambda::Function",
                        Values = new List<string>
                        {
                            "arn:aws:lambda:us-east-1:" + Account + ":function:orders-api",
                            "arn:aws:lambda:us-east-1:" + Account + ":function:payments-webhook",
                            "arn:aws:lambda:us-east-1:" + Account + ":function:nightly-report",
                        },
                    },
                },
            },
            new()
            {
                ReadWriteType = ReadWriteType.ReadOnly,
                IncludeManagementEvents = false,
                DataResources = new List<DataResource>
                {
                    new() { Type = "AWS::DynamoDB::Table", Values = new List<string> { "arn:aws:dynamodb:us-east-1:" + Account + ":table/Orders", "arn:aws:dynamodb:us-east-1:" + Account + ":table/Customers" } },
                    new() { Type = "AWS::S3::Object", Values = new List<string> { "arn:aws:s3:::audit-exports/" } },
                },
            },
            new()
            {
                ReadWriteType = ReadWriteType.WriteOnly,
                IncludeManagementEvents = true,
                ExcludeManagementEventSources = new List<string> { "kms.amazonaws.com" },
            },
            new()
            {
                ReadWriteType = ReadWriteType.All,
                IncludeManagementEvents = false,
                DataResources = new List<DataResource>
                {
                    new() { Type = "AWS::S3::Object", Values = new List<string> { "arn:aws:s3:::terraform-state-" + Account + "/", "arn:aws:s3:::cdk-hnb659fds-assets-" + Account + "-us-east-1/" } },
                },
            },
        },
        AdvancedEventSelectors = new List<AdvancedEventSelector>
        {
            new()
            {
                Name = "Log writes to production S3 buckets",
                FieldSelectors = new List<AdvancedFieldSelector>
                {
                    new() { Field = "eventCategory", EqualsValue = new List<string> { "Data" } },
                    new() { Field = "resources.type", EqualsValue = new List<string> { "AWS::S3::Object" } },
                    new() { Field = "readOnly", EqualsValue = new List<string> { "false" } },
                    new() { Field = "resources.ARN", StartsWith = new List<string> { "arn:aws:s3:::prod-", "arn:aws:s3:::billing-" } },
                },
            },
            new()
            {
                Name = "Management events except KMS and RDS Data",
                FieldSelectors = new List<AdvancedFieldSelector>
                {
                    new() { Field = "eventCategory", EqualsValue = new List<string> { "Management" } },
                    new() { Field = "eventSource", NotEquals = new List<string> { "kms.amazonaws.com", "rdsdata.amazonaws.com" } },
                },
            },
            new()
            {
                Name = "Lambda invocations outside test functions",
                FieldSelectors = new List<AdvancedFieldSelector>
                {
                    new() { Field = "eventCategory", EqualsValue = new List<string> { "Data" } },
                    new() { Field = "resources.type", EqualsValue = new List<string> { "AWS::Lambda::Function" } },
                    new() { Field = "resources.ARN", NotStartsWith = new List<string> { "arn:aws:lambda:us-east-1:" + Account + ":function:test-" }, NotEndsWith = new List<string> { "-canary" } },
                },
            },
        },
    };

    private static void WriteEvent(Utf8JsonWriter writer, Random random, int index, bool includeRecord)
    {
        var time = PageStart.AddSeconds(-index * 37 - random.Next(0, 30));
        var kind = random.Next(0, 8);
        var user = Users[random.Next(Users.Length)];
        var role = Roles[random.Next(Roles.Length)];
        var assumed = kind is not 7 && random.Next(0, 3) != 0;
        var accessKeyId = (assumed ? "ASIA" : "AKIA") + RandomUpper(random, 16);
        var eventId = Guid(random);
        var record = BuildRecord(random, kind, time, user, role, assumed, accessKeyId, eventId, out var name, out var source, out var readOnly, out var resources);

        writer.WriteStartObject();
        writer.WriteString("EventId"u8, eventId);
        writer.WriteString("EventName"u8, name);
        writer.WriteString("ReadOnly"u8, readOnly ? "true" : "false");
        writer.WriteString("AccessKeyId"u8, accessKeyId);
        writer.WritePropertyName("EventTime"u8);
        writer.WriteRawValue(JavaStyleSeconds(time.ToUnixTimeSeconds()), skipInputValidation: true);
        writer.WriteString("EventSource"u8, source);
        writer.WriteString("Username"u8, assumed ? user + "@example.com" : user);
        writer.WritePropertyName("Resources"u8);
        writer.WriteStartArray();
        foreach (var (type, resourceName) in resources)
        {
            writer.WriteStartObject();
            writer.WriteString("ResourceType"u8, type);
            writer.WriteString("ResourceName"u8, resourceName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (includeRecord)
        {
            writer.WriteString("CloudTrailEvent"u8, record);
        }

        writer.WriteEndObject();
    }

    private static string BuildRecord(
        Random random, int kind, DateTimeOffset time, string user, string role, bool assumed, string accessKeyId, string eventId,
        out string name, out string source, out bool readOnly, out List<(string Type, string Name)> resources)
    {
        var region = Regions[random.Next(Regions.Length)];
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("eventVersion", "1.09");
            WriteUserIdentity(w, random, time, user, role, assumed, accessKeyId);
            w.WriteString("eventTime", time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            resources = new List<(string, string)>();
            (name, source, readOnly) = kind switch
            {
                0 => ("DescribeInstances", "ec2.amazonaws.com", true),
                1 => ("RunInstances", "ec2.amazonaws.com", false),
                2 => ("AssumeRole", "sts.amazonaws.com", true),
                3 => ("PutBucketPolicy", "s3.amazonaws.com", false),
                4 => ("UpdateFunctionConfiguration20150331v2", "lambda.amazonaws.com", false),
                5 => ("AttachRolePolicy", "iam.amazonaws.com", false),
                6 => ("CreateLogGroup", "logs.amazonaws.com", false),
                _ => ("ConsoleLogin", "signin.amazonaws.com", false),
            };
            w.WriteString("eventSource", source);
            w.WriteString("eventName", name);
            w.WriteString("awsRegion", region);
            w.WriteString("sourceIPAddress", string.Join('.', random.Next(3, 223), random.Next(0, 256), random.Next(0, 256), random.Next(1, 255)));
            w.WriteString("userAgent", UserAgents[random.Next(UserAgents.Length)]);
            WritePayload(w, random, kind, region, resources);
            w.WriteString("requestID", Guid(random));
            w.WriteString("eventID", eventId);
            w.WriteBoolean("readOnly", readOnly);
            w.WriteString("eventType", kind == 7 ? "AwsConsoleSignIn" : "AwsApiCall");
            w.WriteBoolean("managementEvent", true);
            w.WriteString("recipientAccountId", Account);
            w.WriteString("eventCategory", "Management");
            if (kind != 7)
            {
                w.WriteStartObject("tlsDetails");
                w.WriteString("tlsVersion", random.Next(0, 3) == 0 ? "TLSv1.2" : "TLSv1.3");
                w.WriteString("cipherSuite", CipherSuites[random.Next(CipherSuites.Length)]);
                w.WriteString("clientProvidedHostHeader", source.Replace(".amazonaws.com", "." + region + ".amazonaws.com", StringComparison.Ordinal));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteUserIdentity(Utf8JsonWriter w, Random random, DateTimeOffset time, string user, string role, bool assumed, string accessKeyId)
    {
        var roleId = "AROA" + RandomUpper(random, 17);
        w.WriteStartObject("userIdentity");
        if (assumed)
        {
            w.WriteString("type", "AssumedRole");
            w.WriteString("principalId", roleId + ":" + user + "@example.com");
            w.WriteString("arn", "arn:aws:sts::" + Account + ":assumed-role/AWSReservedSSO_" + role + "_" + RandomHex(random, 16) + "/" + user + "@example.com");
            w.WriteString("accountId", Account);
            w.WriteString("accessKeyId", accessKeyId);
            w.WriteStartObject("sessionContext");
            w.WriteStartObject("sessionIssuer");
            w.WriteString("type", "Role");
            w.WriteString("principalId", roleId);
            w.WriteString("arn", "arn:aws:iam::" + Account + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_" + role);
            w.WriteString("accountId", Account);
            w.WriteString("userName", "AWSReservedSSO_" + role);
            w.WriteEndObject();
            w.WriteStartObject("webIdFederationData");
            w.WriteEndObject();
            w.WriteStartObject("attributes");
            w.WriteString("creationDate", time.AddMinutes(-random.Next(1, 600)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("mfaAuthenticated", "false");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("type", "IAMUser");
            w.WriteString("principalId", "AIDA" + RandomUpper(random, 17));
            w.WriteString("arn", "arn:aws:iam::" + Account + ":user/" + user);
            w.WriteString("accountId", Account);
            w.WriteString("accessKeyId", accessKeyId);
            w.WriteString("userName", user);
            w.WriteStartObject("sessionContext");
            w.WriteStartObject("attributes");
            w.WriteString("creationDate", time.AddSeconds(-random.Next(1, 60)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("mfaAuthenticated", random.Next(0, 2) == 0 ? "true" : "false");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WritePayload(Utf8JsonWriter w, Random random, int kind, string region, List<(string Type, string Name)> resources)
    {
        switch (kind)
        {
            case 0:
            {
                var instance = "i-0" + RandomHex(random, 16);
                w.WriteStartObject("requestParameters");
                w.WriteStartObject("instancesSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("instanceId", instance);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("filterSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("name", "instance-state-name");
                w.WriteStartObject("valueSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("value", "running");
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteString("value", "stopped");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteNumber("maxResults", 1000);
                w.WriteEndObject();
                w.WriteNull("responseElements");
                resources.Add(("AWS::EC2::Instance", instance));
                break;
            }

            case 1:
            {
                var instance = "i-0" + RandomHex(random, 16);
                var image = "ami-0" + RandomHex(random, 16);
                w.WriteStartObject("requestParameters");
                w.WriteStartObject("instancesSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("imageId", image);
                w.WriteNumber("minCount", 1);
                w.WriteNumber("maxCount", 1);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteString("instanceType", "m7i.large");
                w.WriteString("subnetId", "subnet-0" + RandomHex(random, 16));
                w.WriteBoolean("disableApiTermination", false);
                w.WriteEndObject();
                w.WriteStartObject("responseElements");
                w.WriteString("requestId", Guid(random));
                w.WriteString("reservationId", "r-0" + RandomHex(random, 16));
                w.WriteString("ownerId", Account);
                w.WriteStartObject("instancesSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("instanceId", instance);
                w.WriteString("imageId", image);
                w.WriteStartObject("instanceState");
                w.WriteNumber("code", 0);
                w.WriteString("name", "pending");
                w.WriteEndObject();
                w.WriteString("privateDnsName", "ip-10-0-" + random.Next(0, 256) + "-" + random.Next(1, 255) + ".ec2.internal");
                w.WriteNumber("amiLaunchIndex", 0);
                w.WriteString("instanceType", "m7i.large");
                w.WriteNumber("launchTime", 1718010000000L + random.Next(0, 1_000_000));
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                resources.Add(("AWS::EC2::Instance", instance));
                resources.Add(("AWS::EC2::Ami", image));
                break;
            }

            case 2:
            {
                var roleArn = "arn:aws:iam::" + Account + ":role/" + Roles[random.Next(Roles.Length)];
                var key = "ASIA" + RandomUpper(random, 16);
                w.WriteStartObject("requestParameters");
                w.WriteString("roleArn", roleArn);
                w.WriteString("roleSessionName", "botocore-session-" + random.Next(1_000_000_000));
                w.WriteNumber("durationSeconds", 3600);
                w.WriteEndObject();
                w.WriteStartObject("responseElements");
                w.WriteStartObject("credentials");
                w.WriteString("accessKeyId", key);
                w.WriteString("sessionToken", RandomToken(random, 200));
                w.WriteString("expiration", "Jun 10, 2024, 10:15:00 AM");
                w.WriteEndObject();
                w.WriteStartObject("assumedRoleUser");
                w.WriteString("assumedRoleId", "AROA" + RandomUpper(random, 17) + ":botocore-session");
                w.WriteString("arn", roleArn.Replace(":iam::", ":sts::", StringComparison.Ordinal).Replace(":role/", ":assumed-role/", StringComparison.Ordinal) + "/botocore-session");
                w.WriteEndObject();
                w.WriteEndObject();
                resources.Add(("AWS::IAM::AccessKey", key));
                resources.Add(("AWS::IAM::Role", roleArn));
                break;
            }

            case 3:
            {
                var bucket = "prod-data-" + RandomHex(random, 8);
                w.WriteStartObject("requestParameters");
                w.WriteString("bucketPolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}");
                w.WriteString("bucketName", bucket);
                w.WriteString("Host", bucket + ".s3." + region + ".amazonaws.com");
                w.WriteString("policy", "");
                w.WriteEndObject();
                w.WriteNull("responseElements");
                resources.Add(("AWS::S3::Bucket", bucket));
                break;
            }

            case 4:
            {
                var function = "orders-" + RandomHex(random, 6);
                var arn = "arn:aws:lambda:" + region + ":" + Account + ":function:" + function;
                w.WriteStartObject("requestParameters");
                w.WriteString("functionName", function);
                w.WriteNumber("timeout", 30);
                w.WriteNumber("memorySize", 512);
                w.WriteEndObject();
                w.WriteStartObject("responseElements");
                w.WriteString("functionName", function);
                w.WriteString("functionArn", arn);
                w.WriteString("runtime", "python3.12");
                w.WriteString("role", "arn:aws:iam::" + Account + ":role/LambdaExecution");
                w.WriteString("handler", "app.handler");
                w.WriteNumber("codeSize", random.Next(1_000, 5_000_000));
                w.WriteNumber("timeout", 30);
                w.WriteNumber("memorySize", 512);
                w.WriteString("lastModified", "2024-06-10T09:14:12.000+0000");
                w.WriteString("codeSha256", RandomToken(random, 44));
                w.WriteString("version", "$LATEST");
                w.WriteString("state", "Active");
                w.WriteString("lastUpdateStatus", "InProgress");
                w.WriteEndObject();
                resources.Add(("AWS::Lambda::Function", arn));
                break;
            }

            case 5:
            {
                var roleName = "service-role-" + RandomHex(random, 6);
                w.WriteStartObject("requestParameters");
                w.WriteString("roleName", roleName);
                w.WriteString("policyArn", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
                w.WriteEndObject();
                w.WriteNull("responseElements");
                w.WriteStartObject("additionalEventData");
                w.WriteString("policyType", "AWS managed");
                w.WriteEndObject();
                resources.Add(("AWS::IAM::Role", roleName));
                resources.Add(("AWS::IAM::Policy", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
                break;
            }

            case 6:
            {
                var group = "/aws/lambda/orders-" + RandomHex(random, 6);
                w.WriteStartObject("requestParameters");
                w.WriteString("logGroupName", group);
                w.WriteStartObject("tags");
                w.WriteString("team", "payments");
                w.WriteString("cost-center", "cc-" + random.Next(1000, 9999));
                w.WriteString("managed-by", "terraform");
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteNull("responseElements");
                resources.Add(("AWS::Logs::LogGroup", group));
                break;
            }

            default:
                w.WriteNull("requestParameters");
                w.WriteStartObject("responseElements");
                w.WriteString("ConsoleLogin", "Success");
                w.WriteEndObject();
                w.WriteStartObject("additionalEventData");
                w.WriteString("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_" + RandomHex(random, 16));
                w.WriteString("MobileVersion", "No");
                w.WriteString("MFAIdentifier", "arn:aws:iam::" + Account + ":mfa/authenticator");
                w.WriteString("MFAUsed", "Yes");
                w.WriteEndObject();
                break;
        }
    }

    /// <summary>Epoch seconds as AWS's Java front end prints a double: <c>1.718012345E9</c>.</summary>
    private static string JavaStyleSeconds(long seconds)
    {
        var digits = seconds.ToString(CultureInfo.InvariantCulture).TrimEnd('0');
        var exponent = seconds.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fraction = digits.Length > 1 ? digits[1..] : "0";
        return digits[0] + "." + fraction + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static string Guid(Random random) =>
        RandomHex(random, 8) + "-" + RandomHex(random, 4) + "-4" + RandomHex(random, 3) + "-a" + RandomHex(random, 3) + "-" + RandomHex(random, 12);

    private static string RandomHex(Random random, int length) => RandomOf(random, length, "0123456789abcdef");

    private static string RandomUpper(Random random, int length) => RandomOf(random, length, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    private static string RandomToken(Random random, int length) =>
        RandomOf(random, length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private static string RandomOf(Random random, int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
