using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// The rest of the pipeline after one step: the call and the position of the next step. A value rather than a
    /// delegate, so running a call through the steps allocates no closure chain.
    /// </summary>
    internal readonly struct SendNext
    {
        private readonly SendContext _context;
        private readonly int _index;

        internal SendNext(SendContext context, int index)
        {
            _context = context;
            _index = index;
        }

        /// <summary>Runs the steps from here to the terminal sender (again, for a retry or a redirect hop).</summary>
        public Task<ApiResponse> SendAsync() => StepRunner.Run(_context, _index);
    }
}
