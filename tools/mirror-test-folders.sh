#!/usr/bin/env bash
# Makes the folders (and namespaces) of tests/OperationsModule.Core.Tests mirror src/OperationsModule.Core.
# Run once from the repo root after all branches are merged, build, then delete this script. Security/ (the hostile
# suites), Conformance/, Simulator/, Infrastructure/ and Systems/Shared/ stay: they test across the source folders.
set -euo pipefail
cd tests/OperationsModule.Core.Tests
T=OperationsModule.Core.Tests
mv_to() { # mv_to <destination folder> <new namespace suffix> <files...>
  local dest=$1 ns=$2; shift 2; mkdir -p "$dest"
  for f in "$@"; do
    git mv "$f" "$dest/"
    sed -i -E "s/^namespace $T(\.[A-Za-z.]+)?( *[;{]?)\$/namespace $T.$ns\2/" "$dest/$(basename "$f")"
  done
}
# Bulk is Engine, except what tests Http and Output types.
mv_to Http Http Bulk/EndpointPathTests.cs Bulk/RetryAfterParserTests.cs Bulk/RetryPolicyTests.cs Bulk/RetryIntegrationTests.cs
mv_to Output Output Bulk/CountedTests.cs
mv_to Engine Engine Bulk/*.cs
mv_to Sessions Sessions Connection/*.cs
mv_to Http/Throttling Http.Throttling Throttling/*.cs
mv_to Systems/OLConnect Systems.OLConnect OLConnect/*.cs
mv_to Infrastructure Infrastructure OutputCreation/FakeWaitClock.cs Security/RawHttpListener.cs
mv_to Commands Commands OutputCreation/GetOutputCreationResultCommandTests.cs OutputCreation/WaitOutputCreationCommandTests.cs
mv_to Systems/OLConnect Systems.OLConnect OutputCreation/OutputCreationWaiterTests.cs OutputCreation/OutputCreationFixture.cs
mv_to Http Http OutputCreation/ResultDownloadTests.cs
mv_to Http/Runtime Http.Runtime Runtime/BodyReadCancellationTests.cs Runtime/FrameworkCertificateRuleTests.cs Runtime/HandlerSettingsTests.cs Runtime/ProxyTests.cs
mv_to Secrets Secrets Security/SecretSetTests.cs
mv_to Validation Validation Security/PipedIdValidationTests.cs
mv_to Sessions Sessions Security/SessionLeaseTests.cs Security/SessionLifecycleTests.cs Security/SystemVerificationTests.cs
mv_to Systems/Vcf Systems.Vcf Systems/Find/GetSddcManagerTaskTests.cs
mv_to Systems/Onedata Systems.Onedata Systems/Find/GetWorkflowExecutionTests.cs
mv_to Waiting Waiting Systems/Find/StopWaitAgainstSimulatorTests.cs
mv_to Conformance Conformance Systems/Find/VendorSpecShapeTests.cs
# add_using <file> <namespace>: after the file's last using line, unless it is there.
add_using() { grep -q "^using $2;" "$1" || sed -i "$(grep -n '^using ' "$1" | tail -1 | cut -d: -f1)a using $2;" "$1"; }
# References to the old namespaces.
ref() { grep -rlE "$1" --include=*.cs . | xargs -r sed -i -E "$2"; }
ref "Tests\.Bulk\b" "s/$T\.Bulk\b/$T.Engine/g"
ref "Tests\.OLConnect\b" "s/$T\.OLConnect\b/$T.Systems.OLConnect/g"
ref "Tests\.OutputCreation;" "s/^using $T\.OutputCreation;/using $T.Infrastructure;\nusing $T.Systems.OLConnect;/"
ref "Tests\.OutputCreation\.OutputCreationFixture" "s/$T\.OutputCreation\.OutputCreationFixture/$T.Systems.OLConnect.OutputCreationFixture/"
# RawHttpListener and RawRequest now come from Infrastructure.
for f in $(grep -rl "^using $T\.Security;" --include=*.cs .); do
  sed -i "/^using $T\.Security;/d" "$f"
  add_using "$f" "$T.Infrastructure"
done
sed -i "/^using $T\.Security;/d" Infrastructure/LoginAnswers.cs
# A folder named like a Core namespace hides it for names qualified by that last part only.
sed -i -E 's/\bSecrets\.SecretCredential\b/Core.Secrets.SecretCredential/' Sessions/CarriedConnectionTests.cs
sed -i -E 's/\bSessions\.ConnectionRequest\b/Core.Sessions.ConnectionRequest/' Systems/Onedata/StopWorkflowExecutionTests.cs
sed -i -E 's/\bSessions\.(ConnectCommand|ConnectOptions|SessionStore)\b/Core.Sessions.\1/g' Http/CutOffAnswerTests.cs
sed -i -E 's/\bOLConnect\.OlConnectHarness\b/Systems.OLConnect.OlConnectHarness/' Auth/RefusedCredentialTests.cs
sed -i -E 's/\bnew Engine\.DeferredLogSink\b/new Core.Engine.DeferredLogSink/' Http/RetryIntegrationTests.cs
add_using Http/RetryIntegrationTests.cs "$T.Engine"
add_using Http/ResultDownloadTests.cs "$T.Systems.OLConnect"
# One copy of each using line.
for f in $(git ls-files -m -o --exclude-standard -- '*.cs'); do awk '!(/^using / && seen[$0]++)' "$f" > "$f.tmp" && mv "$f.tmp" "$f"; done
