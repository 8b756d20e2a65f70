using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Tests.Config;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Auth;

/// <summary>Each source of the default chain, end to end against a stand-in on 127.0.0.1, on a fake clock.</summary>
[Trait("Category", "Integration")]
public sealed class CredentialSourcesTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/reader";

    private static readonly DateTimeOffset Start = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task IMDSv2_takes_a_session_token_then_the_role_then_its_credentials_and_refreshes_before_expiry()
    {
        var served = 0;
        await using var imds = LocalStandIn.Start(r => (r.Method, r.PathAndQuery) switch
        {
            ("PUT", "/latest/api/token") => new StandInResponse(200, "imds-session-token", "text/plain"),
            ("GET", "/latest/meta-data/iam/security-credentials/") => new StandInResponse(200, "reader-role\n", "text/plain"),
            ("GET", "/latest/meta-data/iam/security-credentials/reader-role") =>
                new StandInResponse(200, Json("IMDSKEY" + ++served, Start.AddHours(6 * served), code: "Success")),
            _ => new StandInResponse(404, "not found"),
        });
        using var home = new TempHome();
        home.Environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.Endpoint.AbsoluteUri).Set("AWS_METADATA_SERVICE_TIMEOUT", "30");
        var clock = new ManualTimeProvider(Start);
        var resolved = new CredentialsResolver(home.Environment) { TimeProvider = clock }.ResolveWithSource();
        Assert.StartsWith("IMDSv2 (http://127.0.0.1:", resolved.Source);

        var first = await resolved.Value.GetCredentialsAsync();
        Assert.Equal("IMDSKEY1", first.AccessKeyId);
        Assert.Equal("token-IMDSKEY1", first.SessionToken);
        Assert.Equal(Start.AddHours(6), first.Expiration);
        var put = imds.Requests.First();
        Assert.Equal("21600", put.Header("X-aws-ec2-metadata-token-ttl-seconds"));
        Assert.All(imds.Requests.Where(r => r.Method == "GET"), r => Assert.Equal("imds-session-token", r.Header("X-aws-ec2-metadata-token")));

        clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(50));
        Assert.Equal("IMDSKEY1", (await resolved.Value.GetCredentialsAsync()).AccessKeyId);
        clock.Advance(TimeSpan.FromMinutes(6)); // 5:56, inside the window before 6:00
        Assert.Equal("IMDSKEY2", (await resolved.Value.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task IMDS_that_does_not_answer_times_out_and_the_error_lists_every_source_tried()
    {
        using var hang = new System.Threading.CancellationTokenSource();
        await using var imds = LocalStandIn.Start(async r =>
        {
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, hang.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return new StandInResponse(500, string.Empty);
        });
        using var home = new TempHome();
        home.Environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.Endpoint.AbsoluteUri).Set("AWS_METADATA_SERVICE_TIMEOUT", "1");
        var provider = new CredentialsResolver(home.Environment).Resolve();
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await provider.GetCredentialsAsync());
        hang.Cancel();
        Assert.Contains("no answer within 1 s (PUT " + imds.Endpoint + "latest/api/token)", error.Message);
        Assert.Contains("environment: AWS_ACCESS_KEY_ID not set", error.Message);
        Assert.Contains("container endpoint:", error.Message);
        Assert.EndsWith("; IMDSv2 (" + imds.Endpoint + "): no answer within 1 s (PUT " + imds.Endpoint + "latest/api/token).", error.Message);
        Assert.Equal(6, error.Attempts.Count);
    }

    [Fact]
    public async Task IMDS_is_not_asked_when_disabled()
    {
        await using var imds = LocalStandIn.Start(_ => new StandInResponse(200, "x"));
        using var home = new TempHome();
        home.Environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.Endpoint.AbsoluteUri).Set("AWS_EC2_METADATA_DISABLED", "true");
        var error = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment).Resolve());
        Assert.EndsWith("IMDS: disabled by AWS_EC2_METADATA_DISABLED.", error.Message);
        Assert.Empty(imds.Requests);
    }

    [Fact]
    public async Task Container_full_uri_sends_the_token_read_from_its_file_on_every_fetch()
    {
        await using var container = LocalStandIn.Start(r => new StandInResponse(200, Json("CONTAINERKEY", Start.AddMinutes(30))));
        using var home = new TempHome();
        var tokenFile = home.Write(Path.Combine(home.Root, "token"), "pod-token-1\n");
        home.Environment
            .Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.Endpoint + "v1/credentials")
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-file-set")
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile);
        var clock = new ManualTimeProvider(Start);
        var provider = new CredentialsResolver(home.Environment) { TimeProvider = clock }.Resolve();

        Assert.Equal("CONTAINERKEY", (await provider.GetCredentialsAsync()).AccessKeyId);
        File.WriteAllText(tokenFile, "pod-token-2");
        clock.Advance(TimeSpan.FromMinutes(26));
        await provider.GetCredentialsAsync();

        Assert.Equal(["pod-token-1", "pod-token-2"], container.Requests.Select(r => r.Header("Authorization")));
        Assert.All(container.Requests, r => Assert.Equal("/v1/credentials", r.PathAndQuery));
    }

    [Fact]
    public void Container_relative_uri_targets_the_ECS_agent_and_plain_http_elsewhere_is_refused()
    {
        using var home = new TempHome();
        home.Environment.Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
        Assert.Equal("container credentials endpoint (http://169.254.170.2/v2/credentials/abc)", new CredentialsResolver(home.Environment).ResolveWithSource().Source);

        using var other = new TempHome();
        other.Environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://example.com/creds");
        var error = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(other.Environment).Resolve());
        Assert.Contains("plain http is only allowed to a loopback address", error.Message);
    }

    [Fact]
    public async Task Web_identity_from_the_environment_calls_AssumeRoleWithWebIdentity_unsigned_and_never_leaks_the_token()
    {
        await using var sts = LocalStandIn.Start(r => new StandInResponse(200, StsAnswer("AssumeRoleWithWebIdentity", "WEBKEY", Start.AddHours(1)), "text/xml"));
        using var home = new TempHome();
        var tokenFile = home.Write(Path.Combine(home.Root, "web-token"), "eyJ.secret-web-identity-token.sig");
        home.Environment
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile)
            .Set("AWS_ROLE_ARN", RoleArn)
            .Set("AWS_ROLE_SESSION_NAME", "pod-session")
            .Set("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri);
        var resolved = new CredentialsResolver(home.Environment) { TimeProvider = new ManualTimeProvider(Start), Region = "eu-west-1" }.ResolveWithSource();

        var credentials = await resolved.Value.GetCredentialsAsync();
        Assert.Equal("WEBKEY", credentials.AccessKeyId);
        Assert.Equal(Start.AddHours(1), credentials.Expiration);
        var call = Assert.Single(sts.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Null(call.Header("Authorization"));
        Assert.StartsWith("application/x-www-form-urlencoded", call.Header("Content-Type"));
        var form = Form(call.Body);
        Assert.Equal("AssumeRoleWithWebIdentity", form["Action"]);
        Assert.Equal("2011-06-15", form["Version"]);
        Assert.Equal(RoleArn, form["RoleArn"]);
        Assert.Equal("pod-session", form["RoleSessionName"]);
        Assert.Equal("eyJ.secret-web-identity-token.sig", form["WebIdentityToken"]);
        Assert.DoesNotContain("secret-web-identity-token", resolved.Value.ToString());
        Assert.DoesNotContain("secret-web-identity-token", resolved.Source);
    }

    [Fact]
    public async Task STS_errors_name_the_code_and_message_but_no_secret()
    {
        await using var sts = LocalStandIn.Start(r => new StandInResponse(
            403,
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error></ErrorResponse>",
            "text/xml"));
        using var home = new TempHome();
        var tokenFile = home.Write(Path.Combine(home.Root, "web-token"), "secret-web-identity-token");
        home.Environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile).Set("AWS_ROLE_ARN", RoleArn).Set("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri);
        var provider = new CredentialsResolver(home.Environment) { Region = "us-east-1" }.Resolve();
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await provider.GetCredentialsAsync());
        Assert.Contains("HTTP 403 AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity", error.Message);
        Assert.DoesNotContain("secret-web-identity-token", error.ToString());
    }

    [Fact]
    public async Task Role_arn_with_source_profile_calls_AssumeRole_signed_with_the_source_keys()
    {
        await using var sts = LocalStandIn.Start(r => new StandInResponse(200, StsAnswer("AssumeRole", "ROLEKEY", Start.AddHours(1)), "text/xml"));
        using var home = new TempHome();
        home.WriteCredentials("[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = base-secret\n");
        home.WriteConfig($"[profile reader]\nrole_arn = {RoleArn}\nsource_profile = base\nexternal_id = ext-1\nrole_session_name = s1\nduration_seconds = 1800\n");
        home.Environment.Set("AWS_PROFILE", "reader").Set("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri);
        var resolved = new CredentialsResolver(home.Environment) { TimeProvider = new ManualTimeProvider(Start), Region = "eu-west-1" }.ResolveWithSource();
        Assert.Equal($"role_arn {RoleArn} of profile 'reader'", resolved.Source);

        var credentials = await resolved.Value.GetCredentialsAsync();
        Assert.Equal("ROLEKEY", credentials.AccessKeyId);
        var call = Assert.Single(sts.Requests);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=BASEKEY/20240102/eu-west-1/sts/aws4_request", call.Header("Authorization"));
        var form = Form(call.Body);
        Assert.Equal(("AssumeRole", RoleArn, "s1", "ext-1", "1800"), (form["Action"], form["RoleArn"], form["RoleSessionName"], form["ExternalId"], form["DurationSeconds"]));
    }

    [Fact]
    public void Mfa_serial_without_a_token_code_callback_fails_naming_the_profile_and_what_to_set()
    {
        using var home = new TempHome();
        home.WriteCredentials("[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = base-secret\n");
        home.WriteConfig($"[profile guarded]\nrole_arn = {RoleArn}\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
        home.Environment.Set("AWS_PROFILE", "guarded");

        var error = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment).Resolve());

        Assert.Contains("Profile 'guarded' sets mfa_serial = arn:aws:iam::123456789012:mfa/alice", error.Message);
        Assert.Contains("AwsClientOptions.MfaTokenCode", error.Message);
    }

    [Fact]
    public async Task Mfa_serial_with_a_callback_sends_the_device_and_its_code_to_AssumeRole_and_asks_again_at_each_refresh()
    {
        var issued = 0;
        await using var sts = LocalStandIn.Start(r => new StandInResponse(200, StsAnswer("AssumeRole", "MFAKEY" + ++issued, Start.AddHours(issued)), "text/xml"));
        using var home = new TempHome();
        home.WriteCredentials("[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = base-secret\n");
        home.WriteConfig($"[profile guarded]\nrole_arn = {RoleArn}\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
        home.Environment.Set("AWS_PROFILE", "guarded").Set("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri);
        var clock = new ManualTimeProvider(Start);
        var challenges = new System.Collections.Generic.List<AwsMfaChallenge>();
        var codes = new[] { "123456", " 654321\n" };
        var provider = new CredentialsResolver(home.Environment)
        {
            TimeProvider = clock,
            MfaTokenCode = (challenge, _) =>
            {
                challenges.Add(challenge);
                return ValueTask.FromResult(codes[challenges.Count - 1]);
            },
        }.Resolve();

        Assert.Equal("MFAKEY1", (await provider.GetCredentialsAsync()).AccessKeyId);
        Assert.Equal(new AwsMfaChallenge("guarded", RoleArn, "arn:aws:iam::123456789012:mfa/alice"), Assert.Single(challenges));
        var first = Form(Assert.Single(sts.Requests).Body);
        Assert.Equal(("arn:aws:iam::123456789012:mfa/alice", "123456"), (first["SerialNumber"], first["TokenCode"]));

        clock.Advance(TimeSpan.FromMinutes(56)); // inside the refresh window before the first hour ends
        Assert.Equal("MFAKEY2", (await provider.GetCredentialsAsync()).AccessKeyId);
        Assert.Equal(2, challenges.Count);
        Assert.Equal("654321", Form(sts.Requests.Last().Body)["TokenCode"]);
    }

    [Theory]
    [InlineData("98789", "5 characters")]
    [InlineData("98a789", "6 characters")]
    [InlineData("", "0 characters")]
    public async Task Mfa_code_that_is_not_six_digits_is_refused_before_STS_without_echoing_it(string code, string described)
    {
        await using var sts = LocalStandIn.Start(r => new StandInResponse(200, StsAnswer("AssumeRole", "NEVER", Start.AddHours(1)), "text/xml"));
        using var home = new TempHome();
        home.WriteCredentials("[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = base-secret\n");
        home.WriteConfig($"[profile guarded]\nrole_arn = {RoleArn}\nsource_profile = base\nmfa_serial = GAHT98760000\n");
        home.Environment.Set("AWS_PROFILE", "guarded").Set("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri);
        var provider = new CredentialsResolver(home.Environment) { TimeProvider = new ManualTimeProvider(Start), MfaTokenCode = (_, _) => ValueTask.FromResult(code) }.Resolve();

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("profile 'guarded'", error.Message);
        Assert.Contains($"returned {described} for GAHT98760000; expected the 6 digits", error.Message);
        if (code.Length > 0)
        {
            Assert.DoesNotContain(code, error.Message);
        }

        Assert.Empty(sts.Requests);
    }

    [Fact]
    public async Task Role_arn_chains_through_a_role_source_profile_and_credential_source_Environment()
    {
        var calls = 0;
        await using var sts = LocalStandIn.Start(r => new StandInResponse(200, StsAnswer("AssumeRole", "HOP" + ++calls, Start.AddHours(1)), "text/xml"));
        using var home = new TempHome();
        home.WriteConfig(
            $"[profile first]\nrole_arn = arn:aws:iam::111111111111:role/first\ncredential_source = Environment\n"
            + $"[profile second]\nrole_arn = {RoleArn}\nsource_profile = first\n");
        home.Environment.Set("AWS_PROFILE", "second").Set("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri)
            .Set("AWS_ACCESS_KEY_ID", "ENVKEY").Set("AWS_SECRET_ACCESS_KEY", "env-secret");

        Assert.Equal("environment variables", new CredentialsResolver(home.Environment).ResolveWithSource().Source);

        // Named in code, the profile outranks the environment, whose keys then sign the first hop.
        var chained = await new CredentialsResolver(home.Environment, "second") { Region = "us-east-1" }.Resolve().GetCredentialsAsync();
        Assert.Equal("HOP2", chained.AccessKeyId);
        var hops = sts.Requests.ToArray();
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ENVKEY/", hops[0].Header("Authorization"));
        Assert.Equal("arn:aws:iam::111111111111:role/first", Form(hops[0].Body)["RoleArn"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=HOP1/", hops[1].Header("Authorization"));
        Assert.Equal(RoleArn, Form(hops[1].Body)["RoleArn"]);

        home.Environment.Set("AWS_ACCESS_KEY_ID", string.Empty).Set("AWS_SECRET_ACCESS_KEY", string.Empty);
        var error = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment).Resolve());
        Assert.Contains("credential_source = Environment, but AWS_ACCESS_KEY_ID is not set", error.Message);
        Assert.Equal(2, sts.Requests.Count);
    }

    [Fact]
    public void Source_profile_cycles_and_missing_sources_are_explained()
    {
        using var home = new TempHome();
        home.WriteConfig("[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n[profile c]\nrole_arn = arn:aws:iam::1:role/c\n");
        var cycle = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment, "a").Resolve());
        Assert.Contains("source_profile cycle (a -> b -> a)", cycle.Message);
        var none = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment, "c").Resolve());
        Assert.Equal("Profile 'c' sets role_arn but neither source_profile nor credential_source (nor web_identity_token_file).", none.Message);
    }

    [Fact]
    public async Task Credential_process_output_is_read_and_its_expiry_honoured()
    {
        using var home = new TempHome();
        var script = home.Write(Path.Combine(home.Root, "creds.sh"),
            "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"proc-secret\", \"SessionToken\": \"proc-token\", \"Expiration\": \"2024-01-02T04:04:05Z\"}'\n");
        home.WriteConfig($"[default]\ncredential_process = /bin/sh \"{script}\" --flag\n");
        var resolved = new CredentialsResolver(home.Environment).ResolveWithSource();
        Assert.Equal("credential_process of profile 'default'", resolved.Source);
        var credentials = await resolved.Value.GetCredentialsAsync();
        Assert.Equal(("PROCKEY", "proc-secret", "proc-token"), (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal(Start.AddHours(1), credentials.Expiration);
    }

    [Fact]
    public async Task Credential_process_failures_show_stderr_and_exit_code_never_stdout()
    {
        using var home = new TempHome();
        home.WriteConfig("[default]\ncredential_process = echo leaked-secret; echo 'login expired' >&2; exit 3\n");
        var provider = new CredentialsResolver(home.Environment).Resolve();
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await provider.GetCredentialsAsync());
        Assert.Equal("Could not get AWS credentials from credential_process of profile 'default': the command exited with code 3: login expired", error.Message);
        Assert.DoesNotContain("leaked-secret", error.ToString());
    }

    [Fact]
    public async Task SSO_session_profiles_exchange_the_cached_token_at_the_portal()
    {
        await using var portal = LocalStandIn.Start(r => new StandInResponse(
            200,
            "{\"roleCredentials\":{\"accessKeyId\":\"SSOKEY\",\"secretAccessKey\":\"sso-secret\",\"sessionToken\":\"sso-token\",\"expiration\":"
            + Start.AddHours(1).ToUnixTimeMilliseconds() + "}}"));
        using var home = new TempHome();
        home.WriteConfig("[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n"
            + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n");
        home.Write(Path.Combine(home.Root, ".aws", "sso", "cache", Sha1("corp") + ".json"),
            "{\"accessToken\":\"cached-sso-access-token\",\"expiresAt\":\"2024-01-02T11:00:00Z\",\"region\":\"eu-central-1\"}");
        home.Environment.Set("AWS_PROFILE", "dev").Set("AWS_ENDPOINT_URL_SSO", portal.Endpoint.AbsoluteUri);
        var resolved = new CredentialsResolver(home.Environment) { TimeProvider = new ManualTimeProvider(Start) }.ResolveWithSource();
        Assert.Equal("SSO profile 'dev' (account 123456789012, role ReadOnly)", resolved.Source);

        var credentials = await resolved.Value.GetCredentialsAsync();
        Assert.Equal(("SSOKEY", Start.AddHours(1)), (credentials.AccessKeyId, credentials.Expiration));
        var call = Assert.Single(portal.Requests);
        Assert.Equal(("GET", "/federation/credentials?account_id=123456789012&role_name=ReadOnly"), (call.Method, call.PathAndQuery));
        Assert.Equal("cached-sso-access-token", call.Header("x-amz-sso_bearer_token"));
    }

    [Fact]
    public async Task Legacy_SSO_profiles_use_the_start_url_cache_and_an_expired_token_says_to_log_in()
    {
        await using var portal = LocalStandIn.Start(r => new StandInResponse(500, "unexpected"));
        using var home = new TempHome();
        home.WriteConfig("[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = R\n");
        home.Write(Path.Combine(home.Root, ".aws", "sso", "cache", Sha1("https://old.awsapps.com/start") + ".json"),
            "{\"accessToken\":\"stale-sso-token\",\"expiresAt\":\"2024-01-01T00:00:00Z\"}");
        home.Environment.Set("AWS_ENDPOINT_URL_SSO", portal.Endpoint.AbsoluteUri);
        var provider = new CredentialsResolver(home.Environment, "old") { TimeProvider = new ManualTimeProvider(Start) }.Resolve();
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await provider.GetCredentialsAsync());
        Assert.Contains("the cached SSO token expired at 2024-01-01T00:00:00Z; run 'aws sso login --profile old'", error.Message);
        Assert.DoesNotContain("stale-sso-token", error.ToString());
        Assert.Empty(portal.Requests);
    }

    private static string Json(string keyId, DateTimeOffset expiration, string? code = null) =>
        (code is null ? "{" : "{\"Code\":\"" + code + "\",")
        + $"\"AccessKeyId\":\"{keyId}\",\"SecretAccessKey\":\"secret-{keyId}\",\"Token\":\"token-{keyId}\",\"Expiration\":\"{expiration:yyyy-MM-ddTHH:mm:ssZ}\"}}";

    private static string StsAnswer(string action, string keyId, DateTimeOffset expiration) =>
        $"<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><{action}Result><Credentials>"
        + $"<AccessKeyId>{keyId}</AccessKeyId><SecretAccessKey>secret-{keyId}</SecretAccessKey><SessionToken>token-{keyId}</SessionToken>"
        + $"<Expiration>{expiration:yyyy-MM-ddTHH:mm:ssZ}</Expiration></Credentials></{action}Result></{action}Response>";

    private static System.Collections.Generic.Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));

    private static string Sha1(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
