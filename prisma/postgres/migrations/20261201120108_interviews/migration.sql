-- CreateTable
CREATE TABLE "InterviewSession" (
    "id" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "candidateId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "seed" INTEGER NOT NULL,
    "inviteTokenHash" TEXT,
    "inviteExpiresAt" TIMESTAMP(3),
    "reportTokenHash" TEXT,
    "reportRevokedAt" TIMESTAMP(3),
    "overallScore" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "InterviewSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewEvent" (
    "id" SERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewScorecard" (
    "sessionId" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "hireSignal" TEXT,
    "feedback" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewScorecard_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "InterviewSession_inviteTokenHash_key" ON "InterviewSession"("inviteTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewSession_reportTokenHash_key" ON "InterviewSession"("reportTokenHash");

-- CreateIndex
CREATE INDEX "InterviewSession_hostId_createdAt_idx" ON "InterviewSession"("hostId", "createdAt");

-- CreateIndex
CREATE INDEX "InterviewSession_candidateId_createdAt_idx" ON "InterviewSession"("candidateId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewEvent_sessionId_seq_key" ON "InterviewEvent"("sessionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewEvent_sessionId_idempotencyKey_key" ON "InterviewEvent"("sessionId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "InterviewSession" ADD CONSTRAINT "InterviewSession_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSession" ADD CONSTRAINT "InterviewSession_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewEvent" ADD CONSTRAINT "InterviewEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewScorecard" ADD CONSTRAINT "InterviewScorecard_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
