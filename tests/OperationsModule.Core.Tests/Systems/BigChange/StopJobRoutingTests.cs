using System;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Systems.BigChange;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.BigChange
{
    /// <summary>Which Stop-Job calls go to BigChange and which are handed to Microsoft.PowerShell.Core\Stop-Job unchanged.</summary>
    public sealed class StopJobRoutingTests
    {
        private static readonly string[] None = Array.Empty<string>();

        [Fact]
        public void The_BigChange_set_goes_to_the_API()
        {
            var route = StopJobRouting.Decide(StopJobRouting.BigChangeParameterSet, new[] { "JobId", "Reason", "Token", "ThrottleLimit" }, new[] { "JobId", "Reason", "Token", "ThrottleLimit" });

            Assert.False(route.ForwardsToBuiltIn);
        }

        [Theory]
        [InlineData("SessionIdParameterSet", "Id")]          // Stop-Job -Id 3, and Stop-Job 3 (Id is position 0 of the default set)
        [InlineData("JobParameterSet", "Job")]               // Get-Job | Stop-Job, Stop-Job -Job $j
        [InlineData("NameParameterSet", "Name")]
        [InlineData("InstanceIdParameterSet", "InstanceId")]
        [InlineData("StateParameterSet", "State")]
        [InlineData("FilterParameterSet", "Filter")]
        public void Every_built_in_set_forwards_its_selector(string set, string selector)
        {
            var route = StopJobRouting.Decide(set, new[] { selector }, new[] { selector });

            Assert.True(route.ForwardsToBuiltIn);
            Assert.Equal(new[] { selector }, route.ForwardedParameters);
            Assert.Equal("Microsoft.PowerShell.Core\\Stop-Job -" + selector, route.ToString());
        }

        [Fact]
        public void A_piped_job_is_forwarded_as_Job_with_PassThru_WhatIf_and_Confirm()
        {
            var route = StopJobRouting.Decide("JobParameterSet", new[] { "PassThru", "WhatIf", "Confirm" }, new[] { "PassThru", "WhatIf", "Confirm", "Job" });

            Assert.Equal(new[] { "PassThru", "WhatIf", "Confirm", "Job" }, route.ForwardedParameters);
        }

        [Fact]
        public void Common_parameters_stay_with_the_outer_cmdlet_and_Verbose_is_passed_on()
        {
            var typed = new[] { "Id", "ErrorAction", "ErrorVariable", "OutVariable", "Verbose", "Debug", "PipelineVariable" };

            var route = StopJobRouting.Decide("SessionIdParameterSet", typed, typed);

            Assert.Equal(new[] { "Id", "Verbose" }, route.ForwardedParameters);
        }

        [Theory]
        [InlineData("Token")]
        [InlineData("BaseUri")]
        [InlineData("Session")]
        [InlineData("ThrottleLimit")]
        [InlineData("TimeoutSec")]
        public void A_typed_BigChange_only_parameter_with_a_PowerShell_job_selector_is_refused_by_name(string parameter)
        {
            var error = Assert.Throws<InputValidationException>(() => StopJobRouting.Decide("SessionIdParameterSet", new[] { "Id", parameter }, new[] { "Id", parameter }));

            Assert.Equal(parameter, error.ParameterName);
            Assert.Contains("-" + parameter + " applies only to BigChange jobs (-JobId)", error.Message);
            Assert.Contains("Microsoft.PowerShell.Core\\Stop-Job", error.Message);
        }

        [Fact]
        public void A_piped_object_property_that_the_built_in_ignores_is_ignored_not_refused()
        {
            // e.g. an object with Id and Session properties piped to Stop-Job: Session bound by property name.
            var route = StopJobRouting.Decide("SessionIdParameterSet", None, new[] { "Id", "Session" });

            Assert.Equal(new[] { "Id" }, route.ForwardedParameters);
        }

        [Fact]
        public void An_unknown_parameter_set_is_refused()
        {
            Assert.Throws<InputValidationException>(() => StopJobRouting.Decide("__AllParameterSets", None, None));
        }

        [Fact]
        public void The_BigChange_set_has_its_own_name_unlike_any_built_in_set()
        {
            Assert.DoesNotContain(StopJobRouting.BigChangeParameterSet, StopJobRouting.BuiltInSets.Keys);
            Assert.Equal("Id", StopJobRouting.BuiltInSets[StopJobRouting.SessionIdParameterSet]);
        }
    }
}
