import { redirect } from "next/navigation";

export default async function StoryIndex({ params }: { params: Promise<{ storyId: string }> }) {
  const { storyId } = await params;
  redirect(`/stories/${storyId}/reports`);
}
