import { LoadingRows } from "@/components/ui/states";

export default function StoryTabLoading() {
  return <LoadingRows />;
}
