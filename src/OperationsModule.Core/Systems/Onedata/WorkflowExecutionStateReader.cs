using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Core.Systems.Onedata
{
    /// <summary>Stop-WorkflowExecution -Wait: the execution's details until its phase is ended; cancelled is the cancel taking effect.</summary>
    internal sealed class WorkflowExecutionStateReader : StatusFieldStateReader
    {
        public static readonly WorkflowExecutionStateReader Instance = new WorkflowExecutionStateReader();

        private WorkflowExecutionStateReader()
            : base(OperationsSystem.Onedata, "WorkflowExecution", OnedataErrorParser.Instance, WorkflowExecutionStates.Spelling, WorkflowExecutionStates.IsFinal, WorkflowExecutionStates.Cancelled,
                OnedataProfile.WrongServerAdvice)
        {
        }

        public override ApiRequest BuildRequest(OperationsSession session, string id) => WorkflowExecutionItemReader.Instance.BuildRequest(session, id);

        public override string ReadAgainCommand(string id, CommandNames names) => $"{names.Named("Get", "WorkflowExecution")} -ExecutionId '{id.Replace("'", "''")}'";
    }
}
