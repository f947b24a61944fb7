using System;
using System.Management.Automation;
using OperationsModule.Core.Systems.Vcf;

namespace OperationsModule.Adapters
{
    /// <summary>Stop-Task's -TaskId: PowerCLI's task objects are claimed for PowerCLI before their Id property is read as an SDDC Manager task ID.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class PowerCliAwareTaskIdAttribute : PipedIdAttribute
    {
        public PowerCliAwareTaskIdAttribute(Type cmdletType, string propertyName) : base(cmdletType, propertyName)
        {
        }

        protected override string? ForeignOwner(PSObject input) => PowerCliTasks.IsPowerCliObject(input.TypeNames) ? PowerCliTasks.Owner : null;
    }
}
