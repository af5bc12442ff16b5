import { LoadingRows } from "@/components/ui/states";

export default function StoriesLoading() {
  return <LoadingRows label="Loading stories" />;
}
