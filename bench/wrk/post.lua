-- wrk script: POSTs one unsigned awsJson 1.1 call to the fake. run.sh sets OP (the operation) and BODY (the JSON body)
-- through wrk's script arguments: wrk ... -s post.lua URL -- OP BODY [EXPECTED_STATUS] (default 200; the envelope floor
-- run posts an unknown operation and expects 400). The fake accepts unsigned calls unless it was started
-- with --access-key (sdk/Fake/FakeAuthenticator.cs), acting in its default account and region.
local errors = 0
local expected = 200

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
  wrk.headers["X-Amz-Target"] = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101." .. args[1]
  wrk.body = args[2]
  expected = tonumber(args[3] or "200")
end

function response(status, headers, body)
  if status ~= expected then
    errors = errors + 1
    if errors == 1 then
      io.stderr:write("unexpected answer " .. status .. ": " .. body .. "\n")
    end
  end
end
