using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Core.Systems.Vcf
{
    /// <summary>Stop-Task -Wait: GET /v1/tasks/{id} until the status is final; CANCELLED (either spelling) is the cancel taking effect.</summary>
    internal sealed class VcfTaskStateReader : StatusFieldStateReader
    {
        public static readonly VcfTaskStateReader Instance = new VcfTaskStateReader();

        private VcfTaskStateReader()
            : base(OperationsSystem.Vcf, "Task", VcfErrorParser.Instance, VcfTaskStates.Spelling, VcfTaskStates.IsFinal, VcfTaskStates.Cancelled,
                VcfProfile.WrongServerAdvice)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id) => VcfTaskItemReader.Instance.BuildRequest(session, id);

        public override string ReadAgainCommand(string id, CommandNames names) => $"{names.Named("Get", "SddcManagerTask")} -TaskId '{id.Replace("'", "''")}'";
    }
}
