-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "parentCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Directive" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "loadedBy" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'unknown',
    "unitCode" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "botIsAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'unit',
    "requestedBy" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedBy" BIGINT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "telegramId" BIGINT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL,
    "unitCode" TEXT,
    "grantedBy" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "numerator" INTEGER NOT NULL,
    "denominator" INTEGER NOT NULL,
    "reportedBy" BIGINT,
    "chatId" BIGINT,
    "source" TEXT NOT NULL DEFAULT 'chat',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FigureRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "oldNumerator" INTEGER,
    "oldDenominator" INTEGER,
    "newNumerator" INTEGER,
    "newDenominator" INTEGER,
    "byUser" BIGINT,
    "chatId" BIGINT,
    "source" TEXT NOT NULL DEFAULT 'chat',
    "undone" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PendingUpload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "userId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PendingInput" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "userId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "messageId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'done',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TaskOccurrence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "directiveSlug" TEXT NOT NULL,
    "taskCode" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "doneAt" DATETIME,
    "doneBy" BIGINT,
    "doneUnitCode" TEXT,
    "note" TEXT,
    "evidenceFile" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupKey" TEXT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentMessageId" INTEGER,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "fireTime" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "owner" TEXT,
    "detail" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ReminderLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "answered" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "procedure" TEXT,
    "status" TEXT NOT NULL,
    "applicantName" TEXT,
    "officerName" TEXT,
    "receivedAt" TEXT,
    "dueAt" TEXT,
    "finishedAt" TEXT,
    "promptedAt" DATETIME,
    "escalatedAt" DATETIME,
    "escalatedLeadersAt" DATETIME,
    "resultReturnedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DossierDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dossierCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "reason" TEXT NOT NULL,
    "newDueDate" TEXT,
    "originalDueDate" TEXT,
    "number" TEXT,
    "createdBy" BIGINT NOT NULL,
    "createdByName" TEXT,
    "createdChatId" BIGINT NOT NULL,
    "approvedBy" BIGINT,
    "approvedAt" DATETIME,
    "returnReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Blob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sha256" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "fileId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_parentCode_idx" ON "Unit"("parentCode");

-- CreateIndex
CREATE INDEX "Unit_tier_idx" ON "Unit"("tier");

-- CreateIndex
CREATE UNIQUE INDEX "Directive_slug_key" ON "Directive"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Chat_chatId_key" ON "Chat"("chatId");

-- CreateIndex
CREATE INDEX "Chat_unitCode_idx" ON "Chat"("unitCode");

-- CreateIndex
CREATE INDEX "Registration_chatId_idx" ON "Registration"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_telegramId_key" ON "Person"("telegramId");

-- CreateIndex
CREATE INDEX "Figure_period_idx" ON "Figure"("period");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_unitCode_indicatorCode_period_key" ON "Figure"("unitCode", "indicatorCode", "period");

-- CreateIndex
CREATE INDEX "FigureRevision_unitCode_indicatorCode_period_idx" ON "FigureRevision"("unitCode", "indicatorCode", "period");

-- CreateIndex
CREATE INDEX "PendingInput_chatId_userId_idx" ON "PendingInput"("chatId", "userId");

-- CreateIndex
CREATE INDEX "TaskOccurrence_unitCode_idx" ON "TaskOccurrence"("unitCode");

-- CreateIndex
CREATE UNIQUE INDEX "TaskOccurrence_directiveSlug_taskCode_occurrence_unitCode_key" ON "TaskOccurrence"("directiveSlug", "taskCode", "occurrence", "unitCode");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupKey_key" ON "OutboxMessage"("dedupKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboxMessage_chatId_idx" ON "OutboxMessage"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_key_key" ON "JobRun"("key");

-- CreateIndex
CREATE INDEX "ReminderLog_unitCode_idx" ON "ReminderLog"("unitCode");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLog_chatId_unitCode_kind_day_key" ON "ReminderLog"("chatId", "unitCode", "kind", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_code_key" ON "Dossier"("code");

-- CreateIndex
CREATE INDEX "Dossier_unitCode_idx" ON "Dossier"("unitCode");

-- CreateIndex
CREATE INDEX "Dossier_dueAt_idx" ON "Dossier"("dueAt");

-- CreateIndex
CREATE INDEX "DossierDocument_dossierCode_idx" ON "DossierDocument"("dossierCode");

-- CreateIndex
CREATE UNIQUE INDEX "Blob_sha256_key" ON "Blob"("sha256");

