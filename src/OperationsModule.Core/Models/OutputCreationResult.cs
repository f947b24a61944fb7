using System;
using System.Collections.Generic;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Models
{
    /// <summary>
    /// What Get-OutputCreationResult returns for one operation: the output paths the server reported
    /// (getResultTxt), or, with -OutFile, where the bytes of getResult were saved.
    /// </summary>
    public sealed class OutputCreationResult
    {
        public OutputCreationResult(string operationId, IReadOnlyList<string> paths, Uri server, DateTimeOffset retrievedAt, OperationsSession? session = null)
        {
            OperationId = operationId;
            Paths = paths;
            Server = server;
            RetrievedAt = retrievedAt;
            Session = session;
        }

        public string OperationId { get; }

        /// <summary>Absolute paths of the output files on the OL Connect server (empty when -OutFile was used).</summary>
        public IReadOnlyList<string> Paths { get; }

        /// <summary>The full path of the saved file, with -OutFile; otherwise null.</summary>
        public string? OutFile { get; set; }

        /// <summary>Bytes saved to <see cref="OutFile"/>.</summary>
        public long? Length { get; set; }

        /// <summary>Content type of the getResult answer, with -OutFile.</summary>
        public string? ContentType { get; set; }

        public Uri Server { get; }

        public DateTimeOffset RetrievedAt { get; }

        /// <summary>The session used (a lasting one only), kept for symmetry with the other output types.</summary>
        public OperationsSession? Session { get; }

        public override string ToString() => OutFile ?? string.Join(Environment.NewLine, Paths);
    }
}
