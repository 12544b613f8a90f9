-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SrsSettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newCardsPerDay" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "interviewDate" DATETIME,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "dayStartHour" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SrsSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SrsSettings" ("desiredRetention", "interviewDate", "maxReviewsPerDay", "newCardsPerDay", "updatedAt", "userId") SELECT "desiredRetention", "interviewDate", "maxReviewsPerDay", "newCardsPerDay", "updatedAt", "userId" FROM "SrsSettings";
DROP TABLE "SrsSettings";
ALTER TABLE "new_SrsSettings" RENAME TO "SrsSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
