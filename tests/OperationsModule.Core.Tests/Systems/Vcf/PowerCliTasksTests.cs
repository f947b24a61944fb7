using OperationsModule.Core.Errors;
using OperationsModule.Core.Systems.Vcf;
using Xunit;

namespace OperationsModule.Core.Tests.Systems.Vcf
{
    /// <summary>Which objects are PowerCLI's, and which typed parameters go with them to PowerCLI's Stop-Task.</summary>
    public sealed class PowerCliTasksTests
    {
        [Theory]
        [InlineData(true, "VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl", "System.Object")]
        [InlineData(true, "Deserialized.VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl")]
        [InlineData(true, "VMware.VimAutomation.Vds.Impl.V1.Task")]
        [InlineData(false, "System.Management.Automation.PSCustomObject", "System.Object")]
        [InlineData(false, "VMware.Vim.Task")]
        [InlineData(false, "OperationsModule.VMware.VimAutomation.Lookalike")]
        public void PowerCLI_objects_are_known_by_their_type_names(bool expected, params string[] typeNames) =>
            Assert.Equal(expected, PowerCliTasks.IsPowerCliObject(typeNames));

        [Fact]
        public void Piped_tasks_take_WhatIf_Confirm_and_Verbose_and_leave_SDDC_parameters_to_the_SDDC_IDs()
        {
            var forwarded = PowerCliTasks.ForwardedParameters(new[] { "BaseUri", "Credential", "WhatIf", "Verbose", "ErrorAction" }, onlyPowerCli: false);

            Assert.Equal(new[] { "WhatIf", "Verbose" }, forwarded);
        }

        [Fact]
        public void With_Task_an_SDDC_parameter_is_refused_naming_it()
        {
            var refusal = Assert.Throws<InputValidationException>(() => PowerCliTasks.ForwardedParameters(new[] { "Task", "Session", "ThrottleLimit", "Confirm" }, onlyPowerCli: true));

            Assert.Equal("Session", refusal.ParameterName);
            Assert.Contains("-Session, -ThrottleLimit applies only to SDDC Manager tasks", refusal.Message);
            Assert.Equal(new[] { "Task", "Confirm" }, PowerCliTasks.ForwardedParameters(new[] { "Task", "Confirm", "ErrorVariable" }, onlyPowerCli: true));
        }

        [Fact]
        public void Without_PowerCLI_the_refusal_names_PowerCLI_and_its_module()
        {
            var refusal = PowerCliTasks.NotLoaded("TaskId", "'Task-task-1'");

            Assert.Contains("PowerCLI", refusal.Message);
            Assert.Contains("Import-Module VMware.VimAutomation.Common", refusal.Message);
            Assert.Contains("Nothing was sent", refusal.Message);
        }
    }
}
