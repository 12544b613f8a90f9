-- CreateTable
CREATE TABLE "InterviewSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "candidateId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "seed" INTEGER NOT NULL,
    "inviteTokenHash" TEXT,
    "inviteExpiresAt" DATETIME,
    "reportTokenHash" TEXT,
    "reportRevokedAt" DATETIME,
    "overallScore" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "InterviewSession_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InterviewSession_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InterviewEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewScorecard" (
    "sessionId" TEXT NOT NULL PRIMARY KEY,
    "scores" TEXT NOT NULL,
    "hireSignal" TEXT,
    "feedback" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME,
    "releasedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InterviewScorecard_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
