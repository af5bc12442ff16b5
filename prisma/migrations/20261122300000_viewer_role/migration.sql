-- People who read the desk and change nothing (they get read-only collaboration connections).
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'VIEWER';
