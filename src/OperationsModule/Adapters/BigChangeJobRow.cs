using System;
using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Systems.BigChange;

namespace OperationsModule.Adapters
{
    /// <summary>
    /// A piped object with a JobId property, taken by Stop-Job's -InputObject: binding it first puts the record in the
    /// BigChange parameter set, so the row's Id (if any) never reaches the built-in's -Id. Only the transformation
    /// below makes one; PowerShell cannot convert anything else to it.
    /// </summary>
    public sealed class BigChangeJobRow
    {
        internal BigChangeJobRow(object row) => Row = row;

        /// <summary>The row as piped; its JobId, Reason, CustomerId (and Session, Server) bind by property name.</summary>
        public object Row { get; }

        public override string ToString() => Row.ToString() ?? string.Empty;
    }

    /// <summary>
    /// Turns a row with a JobId into a <see cref="BigChangeJobRow"/>, and leaves everything else unbound so PowerShell's
    /// own binding applies (a Job object, a row with only Id or Name). A row whose JobId cannot be a job ID, or that has
    /// BigChange properties without a JobId, is refused here, before any job of either kind is stopped.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class BigChangeJobRowAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is null) return null;
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is Job or BigChangeJobRow or string || value.GetType().IsPrimitive) return inputData;
            var row = PSObject.AsPSObject(inputData);
            var names = row.Properties.Select(p => p.Name).ToList();
            var typeName = PipedIdAttribute.DisplayName(row);
            switch (PipedRows.Classify(names))
            {
                case PipedRowKind.BigChangeJob:
                    RequireJobId(row, typeName);
                    return new BigChangeJobRow(inputData);
                case PipedRowKind.Undecidable:
                    throw new ArgumentTransformationMetadataException(PipedRows.UndecidableProblem(typeName, names));
                default:
                    return inputData;
            }
        }

        /// <summary>The JobId must bind as the BigChange -JobId does; else the record would fall back to the built-in's -Id.</summary>
        private static void RequireJobId(PSObject row, string typeName)
        {
            var jobId = row.Properties[PipedRows.JobIdProperty].Value;
            if (jobId is PSObject inner) jobId = inner.BaseObject;
            if (jobId is null || jobId is DBNull) throw new ArgumentTransformationMetadataException(PipedRows.UnusableJobIdProblem(typeName, null));
            try
            {
                LanguagePrimitives.ConvertTo(jobId, typeof(long[]), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException)
            {
                throw new ArgumentTransformationMetadataException(PipedRows.UnusableJobIdProblem(typeName, jobId.ToString()));
            }
        }
    }
}
