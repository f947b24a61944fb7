namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>What the gate made of one answer; the send loop retries and counts accordingly.</summary>
    internal enum ThrottleVerdict
    {
        /// <summary>Admitted (any answer but a throttle), or no answer at all.</summary>
        None,

        /// <summary>
        /// A refusal of this item while the server admits the requests around it: the item waits its own Retry-After,
        /// and the retry counts against -MaximumRetryCount. The connection's rate and in-flight limit stay.
        /// </summary>
        Item,

        /// <summary>
        /// A refusal before the connection has enough answers to judge, while other requests are in flight (whose answers
        /// will tell): it waits its own Retry-After and does not count.
        /// </summary>
        Undecided,

        /// <summary>
        /// A refusal the paced connection answers by slowing down (one decrease per round): the connection's limit,
        /// not the item's failure, so it does not count; the item waits its own Retry-After, the others go on. A repeated
        /// refusal on a paced connection is free too but lowers nothing.
        /// </summary>
        Rate,

        /// <summary>
        /// Most recent requests refused: the connection is limited, every request waits out the Retry-After together
        /// (the gate holds them); not the item's failure, so it does not count.
        /// </summary>
        Hold,
    }
}
